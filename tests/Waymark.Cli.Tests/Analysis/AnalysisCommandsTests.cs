using System.Text.Json;

namespace Waymark.Cli.Tests.Analysis;

public sealed class AnalysisCommandsTests(AnalysisFixture store) : IClassFixture<AnalysisFixture>
{
    private static long[] Cells(JsonElement cohort, string field) =>
        [.. cohort.GetProperty("cells").EnumerateArray().Select(c => c.GetProperty(field).GetInt64())];

    [Fact]
    public void Retention_Weekly_GivesTheTriangleWorkedByHand()
    {
        var json = CliRunner.Json("retention", "signed", "viewed", "--unit", "week", "--periods", "2", "--db", store.Database);
        var result = json.GetProperty("result");
        var cohorts = result.GetProperty("cohorts").EnumerateArray().ToList();

        // Week of 01-05: p1, p2. Returns: week 0 p1 (01-06), week 1 p1 (01-13), week 2 p2 (01-20).
        // Week of 01-12: p3, no returns; the data ends in the week of 01-19, so it has offsets 0 and 1 only.
        // Week of 01-19: nobody signed, but the triangle lists every period up to the last the data reaches.
        Assert.Equal(["2026-01-05T00:00:00Z", "2026-01-12T00:00:00Z", "2026-01-19T00:00:00Z"], cohorts.Select(c => c.GetProperty("start").GetString()));
        Assert.Equal([2, 1, 0], cohorts.Select(c => c.GetProperty("size").GetInt32()));
        Assert.Equal([1, 1, 1], Cells(cohorts[0], "returned"));
        Assert.Equal([0, 0], Cells(cohorts[1], "returned"));
        Assert.Equal([0], Cells(cohorts[2], "returned"));
        var overall = result.GetProperty("overall").EnumerateArray().ToList();
        Assert.Equal([3, 3, 2], overall.Select(c => c.GetProperty("size").GetInt64()));
        Assert.Equal("FirstTime", result.GetProperty("mode").GetString());
        Assert.Equal("person", json.GetProperty("by").GetString());
    }

    [Fact]
    public void Retention_Table_ShowsSharesPerCohort()
    {
        var (code, output, _) = CliRunner.Run("retention", "signed", "viewed", "--periods", "2", "--db", store.Database);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("2026-01-05", output, StringComparison.Ordinal);
        Assert.Contains("50.0%", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Frequency_CountsPerWeekAndTheGapBetweenRepeats()
    {
        var json = CliRunner.Json("frequency", "viewed", "--unit", "week", "--max", "2", "--db", store.Database);
        var perPeriod = json.GetProperty("result").GetProperty("per_period");
        var repeats = json.GetProperty("result").GetProperty("repeats");

        // Weeks of 01-05, 01-12, 01-19: one subject viewing once in each.
        Assert.Equal(3, perPeriod.GetProperty("periods").GetArrayLength());
        Assert.All(perPeriod.GetProperty("periods").EnumerateArray(), p =>
            Assert.Equal([1L, 0L], p.GetProperty("distribution").GetProperty("subjects_by_count").EnumerateArray().Select(c => c.GetInt64())));
        // p1 viewed on 01-06 and 01-13: one gap of 7 days; p2 viewed once.
        Assert.Equal(2, repeats.GetProperty("subjects").GetInt64());
        Assert.Equal(1, repeats.GetProperty("repeating").GetInt64());
        Assert.Equal(7 * 86_400_000L, repeats.GetProperty("gaps").GetProperty("median_ms").GetInt64());
    }

    [Fact]
    public void Frequency_PropertyFilterAndTimeRange_NarrowTheCount()
    {
        var json = CliRunner.Json("frequency", "viewed[plan=pro]", "--from", "2026-01-10", "--db", store.Database);

        // Only p1's view of 01-13 is both pro and on or after 01-10.
        Assert.Equal(1, json.GetProperty("result").GetProperty("per_period").GetProperty("overall").GetProperty("events").GetInt64());
        Assert.Equal("2026-01-10T00:00:00.000Z", json.GetProperty("from").GetString());
    }

    [Fact]
    public void Sequence_MatchesAndCountsPerSubject()
    {
        var json = CliRunner.Json("sequence", "(?1).*(?2)", "signed", "viewed", "--db", store.Database);
        var result = json.GetProperty("result");

        // p1 and p2 signed then viewed (one non-overlapping occurrence each); p3 never viewed.
        Assert.Equal(3, result.GetProperty("subjects_considered").GetInt32());
        Assert.Equal(2, result.GetProperty("subjects_matched").GetInt32());
        Assert.Equal(2, result.GetProperty("total_count").GetInt64());
    }

    [Theory]
    [InlineData("retention", "signed[plan", "viewed")]
    [InlineData("retention", "signed", "viewed", "--unit", "year")]
    [InlineData("retention", "signed", "viewed", "--periods", "-1")]
    [InlineData("frequency", "viewed", "--from", "yesterday")]
    [InlineData("sequence", "(?1)(?3)", "signed", "viewed")]
    public void BadQuery_ExitsWithUsageAndSaysWhy(params string[] args)
    {
        var (code, _, err) = CliRunner.Run([.. args, "--db", store.Database]);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.StartsWith("waymark: ", err, StringComparison.Ordinal);
    }
}
