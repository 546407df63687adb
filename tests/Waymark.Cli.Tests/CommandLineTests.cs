using System.Text.Json;
using Waymark.Tests;

namespace Waymark.Cli.Tests;

public sealed class CommandLineTests
{
    [Fact]
    public void UnknownCommand_ExitsWithUsage()
    {
        var (code, _, err) = CliRunner.Run("frobnicate");
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("'frobnicate'", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_ListsTheCommands()
    {
        var (code, output, _) = CliRunner.Run("--help");
        Assert.Equal(ExitCodes.Ok, code);
        foreach (var command in new[] { "init", "import", "stats", "--db" })
        {
            Assert.Contains(command, output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Init_CreatesTheDatabaseAtTheGivenPath()
    {
        using var folder = new TempFolder();
        var (code, output, _) = CliRunner.Run("init", "--db", folder.Database);
        Assert.Equal(ExitCodes.Ok, code);
        Assert.True(File.Exists(folder.Database));
        Assert.Contains("schema version 2", output, StringComparison.Ordinal);
    }

    [Fact]
    public void StatsJson_OnAnEmptyDatabase_IsZeros()
    {
        using var folder = new TempFolder();
        var (code, output, _) = CliRunner.Run("stats", "--json", "--db", folder.Database);
        Assert.Equal(ExitCodes.Ok, code);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(0, json.RootElement.GetProperty("events").GetInt64());
        Assert.Equal(0, json.RootElement.GetProperty("people").GetInt64());
        Assert.False(json.RootElement.TryGetProperty("first_time", out _));
    }

    [Fact]
    public void NotADatabase_ExitsDatabaseUnavailable_NamingTheFile()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.Database, "not a database at all");
        var (code, _, err) = CliRunner.Run("stats", "--db", folder.Database);
        Assert.Equal(ExitCodes.DatabaseUnavailable, code);
        Assert.Contains(folder.Database, err, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_UnknownExtension_WritesNothing_AndSaysWhatWasExpected()
    {
        using var folder = new TempFolder();
        var file = folder.File("events.txt");
        File.WriteAllText(file, "hello");
        var (code, _, err) = CliRunner.Run("import", file, "--db", folder.Database);
        Assert.Equal(ExitCodes.NothingWritten, code);
        Assert.Contains(".jsonl", err, StringComparison.Ordinal);
        Assert.Contains("nothing written", err, StringComparison.Ordinal);
    }
}
