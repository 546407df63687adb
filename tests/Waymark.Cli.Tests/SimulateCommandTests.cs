using System.Text.Json;
using Waymark.Tests;

namespace Waymark.Cli.Tests;

public sealed class SimulateCommandTests
{
    [Fact]
    public void SimulatingTheSameSeedAgain_AddsNothing()
    {
        using var folder = new TempFolder();
        var first = CliRunner.Json("simulate", "--accounts", "20", "--seed", "3", "--db", folder.Database);
        var again = CliRunner.Json("simulate", "--accounts", "20", "--seed", "3", "--db", folder.Database);

        Assert.True(first.GetProperty("accepted").GetInt64() > 1000);
        Assert.Equal(0, again.GetProperty("accepted").GetInt64());
        Assert.Equal(first.GetProperty("accepted").GetInt64(), again.GetProperty("duplicates").GetInt64());
    }

    [Theory]
    [InlineData(".jsonl")]
    [InlineData(".csv")]
    [InlineData(".parquet")]
    public void SimulatingToAFile_ThenImporting_GivesTheSameStoreAsSimulatingIntoIt(string extension)
    {
        using var folder = new TempFolder();
        var direct = folder.File("direct.db");
        var viaFile = folder.File("via-file.db");
        var file = folder.File("company" + extension);
        Assert.Equal(ExitCodes.Ok, CliRunner.Run("simulate", "--accounts", "15", "--seed", "9", "--db", direct).Code);
        Assert.Equal(ExitCodes.Ok, CliRunner.Run("simulate", "--accounts", "15", "--seed", "9", "--out", file, "--db", viaFile).Code);
        Assert.Equal(ExitCodes.Ok, CliRunner.Run("import", file, "--db", viaFile).Code);

        var a = CliRunner.Stats(direct);
        var b = CliRunner.Stats(viaFile);
        Assert.True(a.GetProperty("events").GetInt64() > 1000);
        foreach (var key in new[] { "events", "people", "accounts", "event_name_count", "first_time", "last_time", "event_names" })
        {
            Assert.Equal(a.GetProperty(key).ToString(), b.GetProperty(key).ToString());
        }
    }

    [Fact]
    public void GroundTruth_IsWrittenWithEveryAccount()
    {
        using var folder = new TempFolder();
        var truth = folder.File("truth.json");
        Assert.Equal(ExitCodes.Ok, CliRunner.Run("simulate", "--accounts", "12", "--ground-truth", truth, "--db", folder.Database).Code);

        using var json = JsonDocument.Parse(File.ReadAllText(truth));
        var accounts = json.RootElement.GetProperty("accounts");
        Assert.Equal(12, accounts.GetArrayLength());
        var stats = CliRunner.Stats(folder.Database);
        Assert.Equal(12, stats.GetProperty("accounts").GetInt64());
        foreach (var account in accounts.EnumerateArray())
        {
            Assert.Contains(account.GetProperty("drivers").GetProperty("time_to_first_value").GetString(), new[] { "fast", "slow" });
        }
    }

    [Fact]
    public void InvalidOptions_AreUsageErrors()
    {
        Assert.Equal(ExitCodes.Usage, CliRunner.Run("simulate", "--accounts", "0").Code);
        Assert.Equal(ExitCodes.Usage, CliRunner.Run("simulate", "--days", "0").Code);
        Assert.Equal(ExitCodes.Usage, CliRunner.Run("simulate", "--seed", "minus-one").Code);
    }
}
