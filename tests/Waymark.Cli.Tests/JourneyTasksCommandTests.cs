using System.Text.Json;
using Waymark.Core.Journeys;
using Waymark.Storage.DuckDb;
using Waymark.Storage.DuckDb.Journeys;
using Waymark.Tests;

namespace Waymark.Cli.Tests;

public sealed class JourneyTasksCommandTests
{
    private static readonly DateTime FiredAt = new(2026, 3, 10, 8, 30, 0, DateTimeKind.Utc);

    [Fact]
    public void Tasks_Json_ListsOpenTasksByDueTime_WithEveryField()
    {
        using var folder = new TempFolder();
        Seed(folder.Database);
        var tasks = CliRunner.Json("journeys", "tasks", "--db", folder.Database).GetProperty("tasks");
        Assert.Equal([2L, 1L], tasks.EnumerateArray().Select(t => t.GetProperty("id").GetInt64()));
        var first = tasks[0];
        Assert.Equal("team-onboarding", first.GetProperty("map").GetString());
        Assert.Equal("globex", first.GetProperty("subject").GetString());
        Assert.Equal(1, first.GetProperty("instance").GetInt32());
        Assert.Equal("call-champion", first.GetProperty("contingency").GetString());
        Assert.Equal("Send the guide", first.GetProperty("title").GetString());
        Assert.Equal("support", first.GetProperty("owner").GetString());
        Assert.Equal("2026-03-11T08:30:00.000Z", first.GetProperty("due_at").GetString());
        Assert.Equal("open", first.GetProperty("status").GetString());
        Assert.False(first.TryGetProperty("done_at", out _));
        Assert.Equal("the short one", tasks[1].GetProperty("note").GetString());
    }

    [Fact]
    public void Tasks_FilteredByOwnerAndMap_ListsOnlyThose()
    {
        using var folder = new TempFolder();
        Seed(folder.Database);
        var byOwner = CliRunner.Json("journeys", "tasks", "--db", folder.Database, "--owner", "customer-success").GetProperty("tasks");
        Assert.Equal(["acme"], byOwner.EnumerateArray().Select(t => t.GetProperty("subject").GetString()));
        var byMap = CliRunner.Json("journeys", "tasks", "--db", folder.Database, "--map", "renewal").GetProperty("tasks");
        Assert.Equal(0, byMap.GetArrayLength());
    }

    [Fact]
    public void Done_ThenTasks_MovesTheTaskToDone()
    {
        using var folder = new TempFolder();
        Seed(folder.Database);
        var (code, output, err) = CliRunner.Run("journeys", "tasks", "done", "1", "--db", folder.Database);
        Assert.True(code == ExitCodes.Ok, err);
        Assert.Equal("task 1 done", output.Trim());
        Assert.Equal("task 1 was already done", CliRunner.Run("journeys", "tasks", "done", "1", "--db", folder.Database).Out.Trim());

        var done = CliRunner.Json("journeys", "tasks", "--db", folder.Database, "--status", "done").GetProperty("tasks");
        Assert.Equal([1L], done.EnumerateArray().Select(t => t.GetProperty("id").GetInt64()));
        Assert.Equal(JsonValueKind.String, done[0].GetProperty("done_at").ValueKind);
        Assert.Equal(2, CliRunner.Json("journeys", "tasks", "--db", folder.Database, "--status", "all").GetProperty("tasks").GetArrayLength());
        Assert.Equal([2L], CliRunner.Json("journeys", "tasks", "--db", folder.Database).GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("id").GetInt64()));
    }

    [Fact]
    public void Done_UnknownId_IsAUsageError()
    {
        using var folder = new TempFolder();
        Seed(folder.Database);
        var (code, _, err) = CliRunner.Run("journeys", "tasks", "done", "99", "--db", folder.Database);
        Assert.Equal(ExitCodes.Usage, code);
        Assert.StartsWith("waymark: no task 99", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Tasks_UnknownStatus_IsAUsageError()
    {
        using var folder = new TempFolder();
        var (code, _, _) = CliRunner.Run("journeys", "tasks", "--db", folder.Database, "--status", "late");
        Assert.Equal(ExitCodes.Usage, code);
    }

    [Fact]
    public void Tasks_Table_ShowsEachTask()
    {
        using var folder = new TempFolder();
        Seed(folder.Database);
        var (code, output, err) = CliRunner.Run("journeys", "tasks", "--db", folder.Database);
        Assert.True(code == ExitCodes.Ok, err);
        Assert.Contains("Call the champion", output, StringComparison.Ordinal);
        Assert.Contains("2026-03-12T08:30:00.000Z", output, StringComparison.Ordinal);
        Assert.Contains("team-onboarding #1", output, StringComparison.Ordinal);
    }

    // Two firings of one map: acme's task due in 2 days (customer-success), globex's in 1 day (support).
    private static void Seed(string database)
    {
        using var store = DuckDbEventStore.Open(database);
        store.RecordFirings(
        [
            Firing("acme", new CreateTask("Call the champion", new Owner(OwnerSide.Vendor, "customer-success"), TimeSpan.FromDays(2), "the short one")),
            Firing("globex", new CreateTask("Send the guide", new Owner(OwnerSide.Vendor, "support"), TimeSpan.FromDays(1))),
        ]);
    }

    private static FiringRecord Firing(string subject, CreateTask task) =>
        new("team-onboarding", 1, JourneySubject.Account, subject, 1, JourneyStatus.AtRisk, "call-champion", FiredAt, "overdue", [task]);
}
