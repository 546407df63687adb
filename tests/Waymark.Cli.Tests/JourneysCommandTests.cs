using Waymark.Tests;

namespace Waymark.Cli.Tests;

public sealed class JourneysCommandTests
{
    private const string Valid = """
        format: 1
        id: first-answers
        name: First answers
        perspective: customer
        goal: "We get our first real answers"
        starts_when: { event: contract_signed }
        milestones:
          - { id: first-report, name: We saw our first report, when: { event: report_viewed }, expected_within: 7d }
          - { id: on-schedule, name: Reports arrive on a schedule, when: { event: report_scheduled }, expected_after: 14d }
        """;

    private const string Broken = """
        format: 1
        id: broken
        name: Broken
        perspective: customer
        goal: "We get there"
        starts_when: { event: contract_signed }
        milestones:
          - id: first-report
            name: We saw our first report
            when: { event: report_viewed }
            expected_withn: 7d
          - id: team-in
            name: My team is in
            after: [first-reprt]
            when: { event: user_invited }
        """;

    [Fact]
    public void Validate_TheExampleMaps_IsOkForEach()
    {
        var folder = RepositoryFolder.Journeys;
        var (code, output, err) = CliRunner.Run("journeys", "validate", folder);
        Assert.True(code == ExitCodes.Ok, err);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Directory.GetFiles(folder, "*.yaml").Length, lines.Length);
        Assert.Contains($"OK {Path.Combine(folder, "onboarding.yaml")} (onboarding, 5 milestones)", lines);
    }

    [Fact]
    public void Validate_ValidAndBroken_PrintsOkAndEveryError_ExitsWithErrors()
    {
        using var folder = new TempFolder();
        var good = Write(folder, "good.yaml", Valid);
        var bad = Write(folder, "bad.yaml", Broken);
        var (code, output, err) = CliRunner.Run("journeys", "validate", good, bad);
        Assert.Equal(ExitCodes.RecordsRejected, code);
        Assert.Equal($"OK {good} (first-answers, 2 milestones)", output.Trim());
        var errors = err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
        [
            $"{bad}:11:5: unknown key 'expected_withn' in milestone 'first-report'; expected one of: id, name, when, after, expected_within, expected_after, owner, value, optional",
            $"{bad}:14:13: after in milestone 'team-in': unknown milestone 'first-reprt'; expected one of: first-report, team-in",
            "1 of 2 map files have errors (2 errors)",
        ], errors);
    }

    [Fact]
    public void Validate_Json_GivesEachFileWithItsErrors()
    {
        using var folder = new TempFolder();
        var good = Write(folder, "good.yaml", Valid.Replace("perspective: customer", "perspective: vendor", StringComparison.Ordinal));
        var bad = Write(folder, "bad.yaml", Broken);
        var (code, output, _) = CliRunner.Run("journeys", "validate", good, bad, "--json");
        Assert.Equal(ExitCodes.RecordsRejected, code);
        using var json = System.Text.Json.JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal((1, 1), (root.GetProperty("valid").GetInt32(), root.GetProperty("invalid").GetInt32()));
        var first = root.GetProperty("files")[0];
        Assert.Equal((good, true, "first-answers", "vendor", 2), (first.GetProperty("path").GetString(), first.GetProperty("valid").GetBoolean(),
            first.GetProperty("id").GetString(), first.GetProperty("perspective").GetString(), first.GetProperty("milestones").GetInt32()));
        var second = root.GetProperty("files")[1];
        Assert.False(second.TryGetProperty("id", out _));
        var error = second.GetProperty("errors")[1];
        Assert.Equal((14, 13), (error.GetProperty("line").GetInt32(), error.GetProperty("column").GetInt32()));
        Assert.StartsWith("after in milestone 'team-in'", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MissingFile_IsAnErrorOfThatFile()
    {
        using var folder = new TempFolder();
        var missing = folder.File("nowhere.yaml");
        var (code, _, err) = CliRunner.Run("journeys", "validate", missing);
        Assert.Equal(ExitCodes.RecordsRejected, code);
        Assert.StartsWith($"{missing}:1:1: cannot read the file", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_AsAProcess_WritesErrorsToStandardError_AndExitsWithErrors()
    {
        using var folder = new TempFolder();
        var bad = Write(folder, "bad.yaml", Broken);
        var (code, output, err) = WaymarkProcess.Run("journeys", "validate", bad);
        Assert.Equal(ExitCodes.RecordsRejected, code);
        Assert.Equal("", output);
        Assert.Contains($"{bad}:11:5: unknown key 'expected_withn'", err, StringComparison.Ordinal);
    }

    private static string Write(TempFolder folder, string name, string text)
    {
        var path = folder.File(name);
        File.WriteAllText(path, text);
        return path;
    }
}
