using System.Text.Json;
using Waymark.Tests;

namespace Waymark.Cli.Tests;

/// <summary>
/// The real logs in shared/data/eventlogs import, and <c>waymark stats</c> gives the counts their
/// SOURCES.md publishes (recounted there independently of Waymark).
/// </summary>
public sealed class RealLogImportTests
{
    [Theory]
    [InlineData("running-example.xes", null, 6, 42, 8, "2010-12-30T10:02:00.000Z", "2011-01-24T13:56:00.000Z")]
    [InlineData("running-example.csv", null, 6, 42, 8, "2010-12-30T10:02:00.000Z", "2011-01-24T13:56:00.000Z")]
    [InlineData("receipt.xes.gz", null, 1434, 8577, 27, "2010-10-02T07:20:39.266Z", "2012-01-23T14:42:54.644Z")]
    [InlineData("bpic2013_closed.xes.gz", null, 1487, 6660, 7, "2006-01-11T14:49:42.000Z", "2012-05-31T21:49:06.000Z")]
    [InlineData("bpic2013_closed.xes.gz", "concept:name", 1487, 6660, 4, "2006-01-11T14:49:42.000Z", "2012-05-31T21:49:06.000Z")]
    public void Import_ThenStats_GivesThePublishedCounts(string file, string? classifier, long cases, long events, long activities, string first, string last)
    {
        using var folder = new TempFolder();
        var args = new List<string> { "import", SharedData.EventLog(file), "--db", folder.Database };
        if (classifier is not null)
        {
            args.AddRange(["--classifier", classifier]);
        }

        var (code, _, err) = CliRunner.Run([.. args]);
        Assert.True(code == ExitCodes.Ok, err);

        var stats = CliRunner.Stats(folder.Database);
        Assert.Equal(cases, stats.GetProperty("people").GetInt64());
        Assert.Equal(events, stats.GetProperty("events").GetInt64());
        Assert.Equal(activities, stats.GetProperty("event_name_count").GetInt64());
        Assert.Equal(first, stats.GetProperty("first_time").GetString());
        Assert.Equal(last, stats.GetProperty("last_time").GetString());
    }

    [Fact]
    public void ConformanceLog_SemicolonCsv_GivesTheCountsOfItsOwnRows()
    {
        var path = SharedData.EventLog("conformance/running_example_broken.csv");

        // Independently of Waymark's reader: the file has no quoted fields, so a split suffices.
        var rows = File.ReadAllLines(path).Skip(1).Where(line => line.Length > 0).Select(line => line.Split(';')).ToList();
        var times = rows.Select(r => DateTimeOffset.Parse(r[5], System.Globalization.CultureInfo.InvariantCulture).UtcDateTime).ToList();

        using var folder = new TempFolder();
        var (code, _, err) = CliRunner.Run("import", path, "--db", folder.Database);
        Assert.True(code == ExitCodes.Ok, err);

        var stats = CliRunner.Stats(folder.Database);
        Assert.Equal(rows.Count, stats.GetProperty("events").GetInt64());
        Assert.Equal(rows.Select(r => r[2]).Distinct().Count(), stats.GetProperty("people").GetInt64());
        Assert.Equal(rows.Select(r => r[3]).Distinct().Count(), stats.GetProperty("event_name_count").GetInt64());
        Assert.Equal(times.Min().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture), stats.GetProperty("first_time").GetString());
        Assert.Equal(times.Max().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture), stats.GetProperty("last_time").GetString());
    }

    [Fact]
    public void RunningExample_CsvAndXes_GiveIdenticalStats()
    {
        using var folder = new TempFolder();
        var csvDb = folder.File("csv.db");
        var xesDb = folder.File("xes.db");
        Assert.Equal(ExitCodes.Ok, CliRunner.Run("import", SharedData.EventLog("running-example.csv"), "--db", csvDb).Code);
        Assert.Equal(ExitCodes.Ok, CliRunner.Run("import", SharedData.EventLog("running-example.xes"), "--db", xesDb).Code);

        var csv = CliRunner.Stats(csvDb);
        var xes = CliRunner.Stats(xesDb);
        foreach (var key in new[] { "events", "people", "accounts", "event_name_count", "first_time", "last_time" })
        {
            Assert.Equal(xes.GetProperty(key).ToString(), csv.GetProperty(key).ToString());
        }

        Assert.Equal(xes.GetProperty("event_names").ToString(), csv.GetProperty("event_names").ToString());
    }

    [Theory]
    [InlineData("running-example.csv")]
    [InlineData("receipt.xes.gz")]
    public void Reimport_AddsNothing(string file)
    {
        using var folder = new TempFolder();
        var path = SharedData.EventLog(file);
        Assert.Equal(ExitCodes.Ok, CliRunner.Run("import", path, "--db", folder.Database).Code);
        var before = CliRunner.Stats(folder.Database).GetProperty("events").GetInt64();

        var (code, output, _) = CliRunner.Run("import", path, "--db", folder.Database, "--json");

        Assert.Equal(ExitCodes.Ok, code);
        using var report = JsonDocument.Parse(output);
        Assert.Equal(0, report.RootElement.GetProperty("accepted").GetInt64());
        Assert.True(report.RootElement.GetProperty("duplicates").GetInt64() >= before);
        Assert.Equal(before, CliRunner.Stats(folder.Database).GetProperty("events").GetInt64());
    }

    [Fact]
    public void Reimport_OfACopyInAnotherFolder_AddsNothing()
    {
        using var folder = new TempFolder();
        var copy = folder.File("running-example.xes");
        File.Copy(SharedData.EventLog("running-example.xes"), copy);
        Assert.Equal(ExitCodes.Ok, CliRunner.Run("import", SharedData.EventLog("running-example.xes"), "--db", folder.Database).Code);

        var (code, output, _) = CliRunner.Run("import", copy, "--db", folder.Database, "--json");

        Assert.Equal(ExitCodes.Ok, code);
        using var report = JsonDocument.Parse(output);
        Assert.Equal(0, report.RootElement.GetProperty("accepted").GetInt64());
    }
}
