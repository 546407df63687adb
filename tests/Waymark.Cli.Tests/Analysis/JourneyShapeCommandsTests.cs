using System.Text.Json;

namespace Waymark.Cli.Tests.Analysis;

/// <summary>
/// funnel, paths, variants and durations on the store of <see cref="AnalysisFixture"/>, with the
/// answers worked out by hand from its six events:
/// p1 signed 01-05 10:00, viewed 01-06 10:00, viewed 01-13 10:00; p2 signed 01-07 10:00, viewed 01-20 10:00; p3 signed 01-14 10:00.
/// </summary>
public sealed class JourneyShapeCommandsTests(AnalysisFixture store) : IClassFixture<AnalysisFixture>
{
    private const long Day = 86_400_000;

    private static long[] Reached(JsonElement json) =>
        [.. json.GetProperty("result").GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("reached").GetInt64())];

    [Fact]
    public void Funnel_SevenDayWindow_OnlyP1Converts()
    {
        // p1 views 1 day after signing; p2 13 days after (outside 7 days); p3 never views.
        var json = CliRunner.Json("funnel", "signed", "viewed", "--window", "7d", "--db", store.Database);

        Assert.Equal([3, 1], Reached(json));
        var second = json.GetProperty("result").GetProperty("steps")[1];
        Assert.Equal(1.0 / 3, second.GetProperty("conversion_from_first").GetDouble(), 12);
        Assert.Equal(Day, second.GetProperty("time_to_convert").GetProperty("median_ms").GetInt64());
    }

    [Fact]
    public void Funnel_FourteenDayWindow_P2ConvertsToo_WithNearestRankPercentiles()
    {
        // Times 1d and 13d: nearest-rank median = 1st smallest (ceil(0.5*2) = 1), p90 = 2nd (ceil(0.9*2) = 2).
        var json = CliRunner.Json("funnel", "signed", "viewed", "--window", "14d", "--dropped-off", "--db", store.Database);
        var second = json.GetProperty("result").GetProperty("steps")[1];

        Assert.Equal([3, 2], Reached(json));
        Assert.Equal(Day, second.GetProperty("time_to_convert").GetProperty("median_ms").GetInt64());
        Assert.Equal(13 * Day, second.GetProperty("time_to_convert").GetProperty("p90_ms").GetInt64());
        Assert.Equal(["p3"], second.GetProperty("dropped_off").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public void Funnel_BadStepNumber_ExitsWithUsage()
    {
        var (code, _, err) = CliRunner.Run("funnel", "signed", "viewed", "--optional", "5", "--db", store.Database);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("a step number from 1 to 2", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Paths_WithoutAnchor_IsTheDirectlyFollowsGraph()
    {
        // Pairs: p1 signed→viewed (1d), viewed→viewed (7d); p2 signed→viewed (13d).
        var result = CliRunner.Json("paths", "--db", store.Database).GetProperty("result");
        var edges = result.GetProperty("edges").EnumerateArray().ToList();

        Assert.Equal(["signed>viewed:2", "viewed>viewed:1"], edges.Select(e => $"{e.GetProperty("from").GetString()}>{e.GetProperty("to").GetString()}:{e.GetProperty("count").GetInt64()}"));
        // The median of 1d and 13d, interpolated: 7d.
        Assert.Equal(7.0 * Day, edges[0].GetProperty("times").GetProperty("median").GetDouble());
        Assert.Equal(3, result.GetProperty("start_activities")[0].GetProperty("count").GetInt64());
        Assert.Equal(["viewed:2", "signed:1"], result.GetProperty("end_activities").EnumerateArray().Select(a => $"{a.GetProperty("name").GetString()}:{a.GetProperty("count").GetInt64()}"));
    }

    [Fact]
    public void Paths_FromStart_CountsSubjectsPerStep()
    {
        var nodes = CliRunner.Json("paths", "--start", "signed", "--depth", "2", "--db", store.Database).GetProperty("result").GetProperty("nodes");

        Assert.Equal(["0:signed:3", "1:viewed:2"], nodes.EnumerateArray().Select(n => $"{n.GetProperty("step").GetInt32()}:{n.GetProperty("name").GetString()}:{n.GetProperty("count").GetInt64()}"));
    }

    [Fact]
    public void Paths_FromStart_ListsTopWholePaths()
    {
        var top = CliRunner.Json("paths", "--start", "signed", "--depth", "3", "--top-paths", "2", "--db", store.Database).GetProperty("result").GetProperty("top");

        // p1 signed viewed viewed, p2 signed viewed, p3 signed: one each, by names a prefix first.
        Assert.Equal(["signed:1", "signed viewed:1"], top.EnumerateArray().Select(p => $"{string.Join(' ', p.GetProperty("names").EnumerateArray().Select(n => n.GetString()))}:{p.GetProperty("count").GetInt64()}"));
    }

    [Fact]
    public void Paths_FromStart_PrintsTopPathsTable()
    {
        var result = CliRunner.Run("paths", "--start", "signed", "--depth", "3", "--db", store.Database);

        Assert.Equal(0, result.Code);
        Assert.Contains("top paths", result.Out, StringComparison.Ordinal);
        Assert.Contains("signed → viewed → viewed", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Variants_AreTheThreeDistinctSequences()
    {
        var result = CliRunner.Json("variants", "--db", store.Database).GetProperty("result");

        Assert.Equal(3, result.GetProperty("subjects").GetInt64());
        Assert.Equal(3, result.GetProperty("distinct").GetInt64());
        Assert.Equal(
            ["signed", "signed viewed", "signed viewed viewed"],
            result.GetProperty("top").EnumerateArray().Select(v => string.Join(' ', v.GetProperty("names").EnumerateArray().Select(n => n.GetString()))).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Durations_FromSignedToViewed_TwoOfThree()
    {
        var result = CliRunner.Json("durations", "signed", "viewed", "--db", store.Database).GetProperty("result");

        Assert.Equal(3, result.GetProperty("started").GetInt64());
        Assert.Equal(2, result.GetProperty("completed").GetInt64());
        Assert.Equal(7.0 * Day, result.GetProperty("times").GetProperty("median").GetDouble());
    }
}
