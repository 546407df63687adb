using Waymark.Tests;

namespace Waymark.Cli.Tests;

/// <summary>
/// <c>journeys list | status | instances</c> over a real store: events imported from Segment JSON
/// Lines, maps from files; statuses and reasons worked out by hand from JOURNEY-MAPS.md's rules.
/// </summary>
public sealed class JourneyStatusCommandsTests : IDisposable
{
    private const string Map = """
        format: 1
        id: team-onboarding
        name: Get the team productive
        perspective: customer
        goal: "Our whole team runs its weekly reporting without help"
        subject: account
        applies_to: { segment: [mid-market, enterprise] }
        starts_when: { event: contract_signed }
        milestones:
          - id: first-report
            name: "We saw our first real report"
            when: { event: report_viewed }
            expected_within: 7d
          - id: team-in
            name: "My team is in"
            when: { event: user_invited, distinct: invitee_id, count: ">= 3" }
            expected_within: 14d
          - id: rfp
            name: "Our buyer signed off"
            when: { event: approved, by_role: economic-buyer }
            optional: true
        """;

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private (string Db, string Maps) Seed(string map = Map)
    {
        var lines = new[]
        {
            """{"type":"group","userId":"ann","groupId":"acme","traits":{"segment":"enterprise"},"context":{"role":["economic-buyer"]},"timestamp":"2026-01-01T00:00:00Z","messageId":"g1"}""",
            """{"type":"group","userId":"bob","groupId":"acme","context":{"role":["end-user"]},"timestamp":"2026-01-01T00:00:00Z","messageId":"g2"}""",
            """{"type":"group","userId":"tim","groupId":"tiny","traits":{"segment":"smb"},"timestamp":"2026-01-01T00:00:00Z","messageId":"g3"}""",
            """{"type":"track","userId":"ann","event":"contract_signed","context":{"groupId":"acme"},"timestamp":"2026-01-01T00:00:00Z","messageId":"e1"}""",
            """{"type":"track","userId":"bob","event":"report_viewed","context":{"groupId":"acme"},"timestamp":"2026-01-02T00:00:00Z","messageId":"e2"}""",
            """{"type":"track","userId":"bob","event":"approved","context":{"groupId":"acme"},"timestamp":"2026-01-03T00:00:00Z","messageId":"e3"}""",
            """{"type":"track","userId":"ann","event":"user_invited","properties":{"invitee_id":"x"},"context":{"groupId":"acme"},"timestamp":"2026-01-11T00:00:00Z","messageId":"e4"}""",
            """{"type":"track","userId":"ann","event":"user_invited","properties":{"invitee_id":"y"},"context":{"groupId":"acme"},"timestamp":"2026-01-13T00:00:00Z","messageId":"e5"}""",
            """{"type":"track","userId":"tim","event":"contract_signed","context":{"groupId":"tiny"},"timestamp":"2026-01-01T00:00:00Z","messageId":"e6"}""",
        };
        var events = _folder.File("events.jsonl");
        File.WriteAllLines(events, lines);
        var db = _folder.File("w.db");
        var (code, _, err) = CliRunner.Run("import", events, "--db", db);
        Assert.True(code == ExitCodes.Ok, err);
        var maps = _folder.File("maps");
        Directory.CreateDirectory(maps);
        File.WriteAllText(Path.Combine(maps, "team.yaml"), map);
        return (db, maps);
    }

    [Fact]
    public void Instances_OverdueMilestone_IsAtRiskWithItsReason_AndOnlyTheEconomicBuyerCounts()
    {
        var (db, maps) = Seed();

        var json = CliRunner.Json("journeys", "instances", "team-onboarding", "--maps", maps, "--db", db, "--at", "2026-01-21");

        // tiny is smb: outside applies_to. acme: first report on day 1; two of three invitees by day 12; team-in due day 14.
        var instance = Assert.Single(json.GetProperty("instances").EnumerateArray());
        Assert.Equal("acme", instance.GetProperty("subject").GetString());
        Assert.Equal("at-risk", instance.GetProperty("status").GetString());
        Assert.Equal("milestone 'My team is in' is 6 days overdue; expected within 14 days of the start", instance.GetProperty("reason").GetString());
        var milestones = instance.GetProperty("milestones");
        Assert.Equal("2026-01-02T00:00:00Z", milestones[0].GetProperty("reached_at").GetString());
        // bob approved, but he is an end user; the milestone needs the economic buyer.
        Assert.False(milestones[2].TryGetProperty("reached_at", out _));
    }

    [Fact]
    public void Status_CountsInstancesPerStatus()
    {
        var (db, maps) = Seed();

        var json = CliRunner.Json("journeys", "status", "--maps", maps, "--db", db, "--at", "2026-01-21");

        var journey = Assert.Single(json.GetProperty("journeys").EnumerateArray());
        Assert.Equal(1, journey.GetProperty("instances").GetInt32());
        var counts = journey.GetProperty("statuses").EnumerateArray().ToDictionary(s => s.GetProperty("status").GetString()!, s => s.GetProperty("instances").GetInt32());
        Assert.Equal(1, counts["at-risk"]);
        Assert.Equal(0, counts.Where(c => c.Key != "at-risk").Sum(c => c.Value));
    }

    [Fact]
    public void List_ShowsEveryExampleMap()
    {
        var json = CliRunner.Json("journeys", "list", "--maps", RepositoryFolder.Journeys);

        var ids = json.GetProperty("maps").EnumerateArray().Select(m => m.GetProperty("id").GetString()).ToList();
        Assert.Equal(Directory.GetFiles(RepositoryFolder.Journeys, "*.yaml").Length, ids.Count);
        Assert.Contains("onboarding", ids);
    }

    [Fact]
    public void TwoFilesWithOneId_AreRefusedNamingBoth()
    {
        var (db, maps) = Seed();
        File.WriteAllText(Path.Combine(maps, "copy.yaml"), Map);

        var (code, _, err) = CliRunner.Run("journeys", "status", "--maps", maps, "--db", db);

        Assert.Equal(ExitCodes.RecordsRejected, code);
        Assert.Contains($"{Path.Combine(maps, "team.yaml")}: map id 'team-onboarding' is already the id of {Path.Combine(maps, "copy.yaml")}", err, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownMapOrStatus_ExitsWithUsage()
    {
        var (db, maps) = Seed();

        var (code, _, err) = CliRunner.Run("journeys", "instances", "nope", "--maps", maps, "--db", db);
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("no journey map 'nope'; the maps are: team-onboarding", err, StringComparison.Ordinal);

        (code, _, err) = CliRunner.Run("journeys", "instances", "team-onboarding", "--status", "late", "--maps", maps, "--db", db);
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--status: expected one of: on-track, at-risk, stalled, off-track, completed, abandoned; found 'late'", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Instances_Table_ShowsTheGoalAndTheReason()
    {
        var (db, maps) = Seed();

        var (code, output, err) = CliRunner.Run("journeys", "instances", "team-onboarding", "--maps", maps, "--db", db, "--at", "2026-01-21");

        Assert.True(code == ExitCodes.Ok, err);
        Assert.Contains("Our whole team runs its weekly reporting without help", output, StringComparison.Ordinal);
        Assert.Contains("at-risk", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_RecordsTheOverdueContingencyOnce_CreatesItsTask_AndPostsItsWebhook()
    {
        using var listener = new System.Net.HttpListener();
        var port = FreePort();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var received = Task.Run(async () =>
        {
            var context = await listener.GetContextAsync();
            using var reader = new StreamReader(context.Request.InputStream);
            var body = await reader.ReadToEndAsync();
            context.Response.StatusCode = 200;
            context.Response.Close();
            return body;
        });
        var (db, maps) = Seed(Map + $$"""

            contingencies:
              - id: team-late
                when: { milestone: team-in, overdue_by: 2d }
                do:
                  - task: { title: "Help them invite the team", owner: customer-success, due_in: 3d }
                  - webhook: { url: "http://127.0.0.1:{{port}}/hooks/team-late" }
                  - tag: team-late
                  - notify: { to: customer-success, message: "The team is not in yet" }
            """);

        var first = CliRunner.Json("journeys", "run", "--maps", maps, "--db", db, "--at", "2026-01-21");
        var again = CliRunner.Json("journeys", "run", "--maps", maps, "--db", db, "--at", "2026-01-21");

        // team-in was due on day 14 (2026-01-15); two days later it is still not reached.
        Assert.Equal(1, first.GetProperty("journeys")[0].GetProperty("new_firings").GetInt32());
        Assert.Equal(1, first.GetProperty("webhooks_delivered").GetInt32());
        Assert.Equal(0, again.GetProperty("journeys")[0].GetProperty("new_firings").GetInt32());
        Assert.Equal(0, again.GetProperty("webhooks_delivered").GetInt32());
        var body = await received.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Contains("\"team-late\"", body, StringComparison.Ordinal);
        Assert.Contains("\"acme\"", body, StringComparison.Ordinal);
        var task = Assert.Single(CliRunner.Json("journeys", "tasks", "--db", db).GetProperty("tasks").EnumerateArray());
        Assert.Equal("Help them invite the team", task.GetProperty("title").GetString());
        Assert.Equal("2026-01-20T00:00:00.001Z", task.GetProperty("due_at").GetString());
        var tag = Assert.Single(CliRunner.Json("journeys", "tags", "--db", db).GetProperty("tags").EnumerateArray());
        Assert.Equal(("acme", "team-late", "team-late"), (tag.GetProperty("subject").GetString(), tag.GetProperty("tag").GetString(), tag.GetProperty("contingency").GetString()));
        var note = Assert.Single(CliRunner.Json("journeys", "notifications", "--db", db, "--to", "customer-success").GetProperty("notifications").EnumerateArray());
        Assert.Equal(("The team is not in yet", "acme"), (note.GetProperty("message").GetString(), note.GetProperty("subject").GetString()));
        Assert.Empty(CliRunner.Json("journeys", "notifications", "--db", db, "--to", "sales").GetProperty("notifications").EnumerateArray());
    }

    [Fact]
    public void Conformance_GivesEachMilestonesActualTimeBesideTheExpected_ForACohort()
    {
        var (db, maps) = Seed();

        var json = CliRunner.Json("journeys", "conformance", "team-onboarding", "--maps", maps, "--db", db, "--at", "2026-01-21", "--cohort", "segment=enterprise");
        var none = CliRunner.Json("journeys", "conformance", "team-onboarding", "--maps", maps, "--db", db, "--at", "2026-01-21", "--cohort", "segment=mid-market");

        Assert.Equal(1, json.GetProperty("instances").GetInt32());
        var first = json.GetProperty("milestones")[0];
        Assert.Equal((1, "1.00:00:00", "7.00:00:00", 1.0), (first.GetProperty("reached").GetInt32(), first.GetProperty("median_time").GetString(),
            first.GetProperty("expected").GetString(), first.GetProperty("on_time_share").GetDouble()));
        Assert.Equal(0, none.GetProperty("instances").GetInt32());
    }

    [Fact]
    public void Drift_ComparesTwoPeriodsOfStarts_AndRefusesABadPeriod()
    {
        var (db, maps) = Seed();

        var json = CliRunner.Json("journeys", "drift", "team-onboarding", "--maps", maps, "--db", db, "--at", "2026-01-21",
            "--a", "2025-12-01..2026-01-01", "--b", "2026-01-01..2026-01-21");
        var (code, _, err) = CliRunner.Run("journeys", "drift", "team-onboarding", "--maps", maps, "--db", db, "--a", "2026-02-01..2026-01-01");

        Assert.Equal((0, 1), (json.GetProperty("a_instances").GetInt32(), json.GetProperty("b_instances").GetInt32()));
        Assert.Equal("first-report", json.GetProperty("b_variants")[0].GetProperty("milestones").GetString());
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("a period for --a as FROM..TO with FROM before TO", err, StringComparison.Ordinal);
    }

    private static int FreePort()
    {
        var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        var port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }
}
