using Waymark.Tests;

namespace Waymark.Cli.Tests;

public sealed class ImportCommandTests
{
    private static string Good(int day) =>
        $$"""{"type":"track","messageId":"ok-{{day}}","timestamp":"2026-01-0{{day}}T10:00:00Z","userId":"u1","event":"report_viewed"}""";

    [Fact]
    public void BadRecords_AreReportedWithTheirPlace_AndTheGoodOnesAroundThemKept()
    {
        using var folder = new TempFolder();
        var file = folder.File("events.jsonl");
        File.WriteAllLines(file,
        [
            Good(1),
            """{"type":"track","messageId":"bad-time","timestamp":"yesterday","userId":"u1","event":"x"}""",
            Good(2),
            """{"type":"track","messageId":"bad-json","timestamp":""",
            Good(3),
        ]);

        var (code, _, err) = CliRunner.Run("import", file, "--db", folder.Database);

        Assert.Equal(ExitCodes.RecordsRejected, code);
        Assert.Contains($"{file}:2:", err, StringComparison.Ordinal);
        Assert.Contains("$.timestamp", err, StringComparison.Ordinal);
        Assert.Contains($"{file}:4:", err, StringComparison.Ordinal);
        Assert.Equal(3, CliRunner.Stats(folder.Database).GetProperty("events").GetInt64());
    }

    [Fact]
    public void Strict_WithABadRecord_WritesNothingOfTheFile()
    {
        using var folder = new TempFolder();
        var file = folder.File("events.jsonl");
        File.WriteAllLines(file, [Good(1), """{"type":"track"}""", Good(2)]);

        var (code, _, err) = CliRunner.Run("import", file, "--strict", "--db", folder.Database);

        Assert.Equal(ExitCodes.NothingWritten, code);
        Assert.Contains($"{file}:2 $.timestamp", err, StringComparison.Ordinal);
        Assert.Equal(0, CliRunner.Stats(folder.Database).GetProperty("events").GetInt64());
    }

    [Fact]
    public void Strict_WithAValidFile_WritesIt()
    {
        using var folder = new TempFolder();
        var file = folder.File("events.jsonl");
        File.WriteAllLines(file, [Good(1), Good(2)]);

        Assert.Equal(ExitCodes.Ok, CliRunner.Run("import", file, "--strict", "--db", folder.Database).Code);
        Assert.Equal(2, CliRunner.Stats(folder.Database).GetProperty("events").GetInt64());
    }

    [Fact]
    public void CsvWithoutAnEventColumn_SaysWhichColumnsItHasAndWhatToPass()
    {
        using var folder = new TempFolder();
        var file = folder.File("events.csv");
        File.WriteAllLines(file, ["user_id,timestamp,what", "u1,2026-01-01T00:00:00Z,login"]);

        var (code, _, err) = CliRunner.Run("import", file, "--db", folder.Database);

        Assert.Equal(ExitCodes.NothingWritten, code);
        Assert.Contains("--event", err, StringComparison.Ordinal);
        Assert.Contains("what", err, StringComparison.Ordinal);

        Assert.Equal(ExitCodes.Ok, CliRunner.Run("import", file, "--event", "what", "--db", folder.Database).Code);
        Assert.Equal(1, CliRunner.Stats(folder.Database).GetProperty("events").GetInt64());
    }

    [Fact]
    public void MissingFile_WritesNothing_AndNamesIt()
    {
        using var folder = new TempFolder();
        var missing = folder.File("nope.jsonl");
        var (code, _, err) = CliRunner.Run("import", missing, "--db", folder.Database);
        Assert.Equal(ExitCodes.NothingWritten, code);
        Assert.Contains(missing, err, StringComparison.Ordinal);
    }
}
