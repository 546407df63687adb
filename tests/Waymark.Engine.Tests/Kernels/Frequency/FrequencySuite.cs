using Waymark.Core.Conditions;
using Waymark.Engine.Execution;
using Waymark.Engine.Kernels.Frequency;
using Waymark.Engine.Kernels.Periods;
using Waymark.Engine.Snapshot;
using Waymark.Twins;
using Waymark.Twins.DuckDb;

namespace Waymark.Engine.Tests.Kernels.Frequency;

/// <summary>
/// Events per subject per period, and gaps between repeats, worked out by hand, against the engine
/// and DuckDB SQL. Day 0 is Thursday 2026-01-01.
/// </summary>
public abstract class FrequencySuite
{
    // s1: purchase d0, d0.5, d1. s2: purchase d0. s3: purchase d1.1, d1.2, d1.3. s4: view d2 (the data reaches d2).
    private static readonly TwinEvents Purchases = Timeline.Days(
        ("s1", 0, "purchase"), ("s1", 0.5, "purchase"), ("s1", 1, "purchase"),
        ("s2", 0, "purchase"),
        ("s3", 1.1, "purchase"), ("s3", 1.2, "purchase"), ("s3", 1.3, "purchase"),
        ("s4", 2, "view"));

    protected abstract FrequencyResult Run(TwinEvents events, FrequencyQuery query, TimeRange range);

    protected abstract RepeatResult Repeats(TwinEvents events, RepeatQuery query, TimeRange range);

    [Fact]
    public void PerDay_CountsSubjectsByEventsWithAnOpenLastBucket()
    {
        // d0: s1 twice, s2 once. d1: s1 once, s3 three times (into the "2 or more" bucket). d2: none.
        var result = Run(Purchases, new FrequencyQuery(EventCondition.Named("purchase"), PeriodUnit.Day, maxCount: 2), TimeRange.All);
        Assert.Equal(
            ["2026-01-01 2 3: 1 1", "2026-01-02 2 4: 1 1", "2026-01-03 0 0: 0 0", "all 4 7: 2 2"],
            Describe(result));
    }

    [Fact]
    public void PerMonth_PutsEverythingInOnePeriod()
    {
        // January: s1 3, s2 1, s3 3 events.
        var result = Run(Purchases, new FrequencyQuery(EventCondition.Named("purchase"), PeriodUnit.Month, maxCount: 4), TimeRange.All);
        Assert.Equal(["2026-01-01 3 7: 1 0 2 0", "all 3 7: 1 0 2 0"], Describe(result));
    }

    [Fact]
    public void Repeats_GivesNearestRankPercentilesOfAllAndFirstGaps()
    {
        // Gaps: s1 12 h, 12 h; s3 2.4 h, 2.4 h; s2 has none. Sorted [2.4, 2.4, 12, 12] h: the median is
        // the 2nd (⌈0.5·4⌉), p75 the 3rd, p90 the 4th; mean 7.2 h. First gaps: s1 12 h, s3 2.4 h:
        // median the 1st, p75 and p90 the 2nd.
        const long h = Some.Hour;
        var result = Repeats(Purchases, new RepeatQuery(EventCondition.Named("purchase"), [TimeSpan.FromHours(3), TimeSpan.FromDays(1)]), TimeRange.All);
        Assert.Equal((3L, 2L), (result.Subjects, result.Repeating));
        Assert.Equal((4L, 24 * h / 10, 12 * h, 12 * h), (result.Gaps.Count, result.Gaps.MedianMs, result.Gaps.P75Ms, result.Gaps.P90Ms));
        Assert.Equal(7.2 * h, result.Gaps.MeanMs!.Value, 6);
        Assert.Equal([new GapBucket(0, 3 * h, 2), new GapBucket(3 * h, 24 * h, 2), new GapBucket(24 * h, null, 0)], result.Gaps.Histogram);
        Assert.Equal((2L, 24 * h / 10, 12 * h, 12 * h), (result.FirstRepeat.Count, result.FirstRepeat.MedianMs, result.FirstRepeat.P75Ms, result.FirstRepeat.P90Ms));
    }

    [Fact]
    public void Repeats_AtTheSameMillisecondGiveAZeroGap_AndSingleEventsNone()
    {
        var events = Timeline.Milliseconds(("s1", 7, "purchase"), ("s1", 7, "purchase"), ("s2", 9, "purchase"));
        var result = Repeats(events, new RepeatQuery(EventCondition.Named("purchase")), TimeRange.All);
        Assert.Equal((2L, 1L, 1L, 0L), (result.Subjects, result.Repeating, result.Gaps.Count, result.Gaps.MedianMs));
    }

    [Fact]
    public void Repeats_GapsOneMillisecondEitherSideOfABound_FallInTheBucketsTheBoundSays()
    {
        // Gaps 3 h - 1 ms, 3 h and 3 h + 1 ms: a bound is included in the bucket it starts.
        const long h = Some.Hour;
        var events = Timeline.Milliseconds(
            ("s1", 0, "purchase"), ("s1", (3 * h) - 1, "purchase"),
            ("s2", 0, "purchase"), ("s2", 3 * h, "purchase"), ("s2", (6 * h) + 1, "purchase"));
        var result = Repeats(events, new RepeatQuery(EventCondition.Named("purchase"), [TimeSpan.FromHours(3), TimeSpan.FromDays(1)]), TimeRange.All);
        Assert.Equal([new GapBucket(0, 3 * h, 1), new GapBucket(3 * h, 24 * h, 2), new GapBucket(24 * h, null, 0)], result.Gaps.Histogram);
        Assert.Equal((3L, 3 * h, 3 * h + 1, 3 * h + 1), (result.Gaps.Count, result.Gaps.MedianMs, result.Gaps.P75Ms, result.Gaps.P90Ms));
    }

    [Fact]
    public void EmptyRange_GivesNothing()
    {
        var range = new TimeRange(Some.Day0 + 5, Some.Day0 + 5);
        Assert.Equal(["all 0 0: 0 0"], Describe(Run(Purchases, new FrequencyQuery(EventCondition.Named("purchase"), PeriodUnit.Week, 2), range)));
        var repeats = Repeats(Purchases, new RepeatQuery(EventCondition.Named("purchase")), range);
        Assert.Equal((0L, 0L, 0L, null), (repeats.Subjects, repeats.Repeating, repeats.Gaps.Count, repeats.Gaps.MedianMs));
    }

    /// <summary>"start subjects events: subjects by count" per period, then "all …".</summary>
    internal static List<string> Describe(FrequencyResult result) =>
    [
        .. result.Periods.Select(p => $"{p.Start:yyyy-MM-dd} {Line(p.Distribution)}"),
        $"all {Line(result.Overall)}",
    ];

    private static string Line(FrequencyDistribution d) => $"{d.Subjects} {d.Events}: {string.Join(" ", d.SubjectsByCount)}";
}

public sealed class FrequencyEngineTests : FrequencySuite
{
    protected override FrequencyResult Run(TwinEvents events, FrequencyQuery query, TimeRange range) =>
        FrequencyKernel.Run(events.ToEventLog(), query, new QueryScope(Cohort.Everyone, range));

    protected override RepeatResult Repeats(TwinEvents events, RepeatQuery query, TimeRange range) =>
        RepeatKernel.Run(events.ToEventLog(), query, new QueryScope(Cohort.Everyone, range));
}

public sealed class FrequencyDuckDbTests : FrequencySuite
{
    protected override FrequencyResult Run(TwinEvents events, FrequencyQuery query, TimeRange range)
    {
        using var duck = events.ToDuckDb();
        return FrequencySql.Run(duck, query, range);
    }

    protected override RepeatResult Repeats(TwinEvents events, RepeatQuery query, TimeRange range)
    {
        using var duck = events.ToDuckDb();
        return FrequencySql.Repeats(duck, query, range);
    }
}
