using Waymark.Core.Conditions;
using Waymark.Engine.Execution;
using Waymark.Engine.Kernels.Durations;
using Waymark.Engine.Kernels.Statistics;
using Waymark.Engine.Snapshot;
using Waymark.Twins;
using Waymark.Twins.DuckDb;

namespace Waymark.Engine.Tests.Kernels.Durations;

/// <summary>Time from A to B, run against every implementation.</summary>
public abstract class TimeBetweenTests
{
    protected abstract DurationResult Run(TwinEvents events, DurationQuery query);

    // p: A@0 B@5 A@10 B@12 B@20; q: B@0 A@3 (no B after A); r: A@7 B@7 (same minute, B's row later); s: C only.
    private static TwinEvents Log() => Trace.Of(
        ("p", 0, "A"), ("p", 5, "B"), ("p", 10, "A"), ("p", 12, "B"), ("p", 20, "B"),
        ("q", 0, "B"), ("q", 3, "A"),
        ("r", 7, "A"), ("r", 7, "B"),
        ("s", 1, "C"));

    private static DurationQuery Query(Occurrence from, Occurrence to) =>
        new(QueryScope.Everything, EventCondition.Named("A"), EventCondition.Named("B")) { FromOccurrence = from, ToOccurrence = to, PerSubject = true };

    [Theory]
    // First A, first B after it: p 0->5 = 5, r 7->7 = 0.
    [InlineData(Occurrence.First, Occurrence.First, new long[] { 5, 0 })]
    // First A, last B after it: p 0->20 = 20, r 0.
    [InlineData(Occurrence.First, Occurrence.Last, new long[] { 20, 0 })]
    // Last A (p: 10), first B after it: 12 - 10 = 2; r 0.
    [InlineData(Occurrence.Last, Occurrence.First, new long[] { 2, 0 })]
    // Last A, last B after it: 20 - 10 = 10; r 0.
    [InlineData(Occurrence.Last, Occurrence.Last, new long[] { 10, 0 })]
    public void Occurrences_PickTheRightAAndB(Occurrence from, Occurrence to, long[] minutes)
    {
        var result = Run(Log(), Query(from, to));

        // p, q and r have an A; q has no B after its A.
        Assert.Equal(3, result.Started);
        Assert.Equal(2, result.Completed);
        Assert.Equal(
            new[] { ("p", minutes[0] * Some.Minute), ("r", minutes[1] * Some.Minute) },
            result.Subjects!.OrderBy(s => s.Subject, StringComparer.Ordinal).Select(s => (s.Subject, s.Duration)));
    }

    [Fact]
    public void Statistics_AreExact()
    {
        // Durations 1, 2, 3, 10 minutes.
        var events = Trace.Of(("p", 0, "A"), ("p", 1, "B"), ("q", 0, "A"), ("q", 2, "B"), ("r", 0, "A"), ("r", 3, "B"), ("s", 0, "A"), ("s", 10, "B"));

        var stats = Run(events, Query(Occurrence.First, Occurrence.First) with { HistogramBins = 3 }).Times!;

        // Ranks: median 1.5 -> 2.5; p75 2.25 -> 3 + 0.25 * 7 = 4.75; p90 2.7 -> 3 + 0.7 * 7 = 7.9.
        Assert.Equal(4, stats.Count);
        Trace.Near(4 * Some.Minute, stats.Mean);
        Trace.Near(2.5 * Some.Minute, stats.Median);
        Trace.Near(4.75 * Some.Minute, stats.P75);
        Trace.Near(7.9 * Some.Minute, stats.P90);
        // Width ceil((10 - 1) min + 1 ms) / 3) = 180,001 ms: [1m, 4m+1ms) holds 1, 2, 3; the third bin holds 10.
        const long Width = ((9 * Some.Minute) + 1 + 2) / 3;
        Assert.Equal(
            [new(Some.Minute, Some.Minute + Width, 3), new(Some.Minute + Width, Some.Minute + (2 * Width), 0), new DurationBin(Some.Minute + (2 * Width), Some.Minute + (3 * Width), 1)],
            stats.Histogram);
    }

    [Fact]
    public void RangeCut_IgnoresEventsOutside()
    {
        // Range [6, 30) min: p keeps A@10 B@12 B@20 -> 2; q keeps nothing; r keeps A@7 B@7 -> 0.
        var range = new TimeRange(Some.Day0 + (6 * Some.Minute), Some.Day0 + (30 * Some.Minute));

        var result = Run(Log(), Query(Occurrence.First, Occurrence.First) with { Scope = new QueryScope(Cohort.Everyone, range) });

        Assert.Equal((2L, 2L), (result.Started, result.Completed));
        Assert.Equal(1 * Some.Minute, result.Times!.Median);
    }

    [Fact]
    public void NobodyCompletes_HasNoTimes()
    {
        var result = Run(Log(), new DurationQuery(QueryScope.Everything, EventCondition.Named("C"), EventCondition.Named("A")));

        Assert.Equal((1L, 0L), (result.Started, result.Completed));
        Assert.Null(result.Times);
    }

    [Fact]
    public void EmptyCohort_StartsNobody()
    {
        var query = Query(Occurrence.First, Occurrence.First) with { Scope = new QueryScope(new Cohort([PropertyFilter.Equal("tier", "z")]), TimeRange.All) };

        var result = Run(Log(), query);

        Assert.Equal((0L, 0L), (result.Started, result.Completed));
        Assert.Empty(result.Subjects!);
    }
}

public sealed class TimeBetweenEngineTests : TimeBetweenTests
{
    protected override DurationResult Run(TwinEvents events, DurationQuery query) => TimeBetween.Run(Trace.Engine(events), query);
}

public sealed class TimeBetweenDuckDbTests : TimeBetweenTests
{
    protected override DurationResult Run(TwinEvents events, DurationQuery query) => Trace.Duck(events, db => DurationsSql.Run(db, query));
}

/// <summary>The engine's durations equal the DuckDB twin's on simulated companies.</summary>
public sealed class TimeBetweenTwinTests
{
    [Theory]
    [InlineData(1UL, SubjectKind.Account)]
    [InlineData(2UL, SubjectKind.Person)]
    [InlineData(6UL, SubjectKind.Account)]
    public void SimulatedCompany_EngineEqualsDuckDb(ulong seed, SubjectKind kind)
    {
        var twins = TwinEvents.Simulate(seed, accounts: 30, kind);
        var log = twins.ToEventLog(partitionTarget: 400);
        using var duck = twins.ToDuckDb();
        var pairs = new[]
        {
            (EventCondition.Named("session_started"), EventCondition.Named("report_viewed")),
            (EventCondition.Named("ticket_opened"), EventCondition.Named("ticket_resolved")),
            (EventCondition.Named("feature_used", PropertyFilter.Equal("feature", "exports")), EventCondition.Named("report_viewed")),
        };
        foreach (var (from, to) in pairs)
        {
            foreach (var occurrence in new[] { Occurrence.First, Occurrence.Last })
            {
                var query = new DurationQuery(QueryScope.Everything, from, to) { FromOccurrence = occurrence, ToOccurrence = occurrence, PerSubject = true };
                var expected = DurationsSql.Run(duck, query);
                var actual = TimeBetween.Run(log, query);

                Assert.Equal((expected.Started, expected.Completed), (actual.Started, actual.Completed));
                Assert.Equal(expected.Subjects!.OrderBy(s => s.Subject, StringComparer.Ordinal), actual.Subjects!.OrderBy(s => s.Subject, StringComparer.Ordinal));
                AssertSame(expected.Times, actual.Times);
            }
        }

        var milestones = new MilestoneQuery(QueryScope.Everything, [EventCondition.Named("session_started"), EventCondition.Named("feature_used"), EventCondition.Named("report_viewed"), EventCondition.Named("nps_submitted")]);
        var chainExpected = DurationsSql.Run(duck, milestones);
        var chainActual = MilestoneTimes.Run(log, milestones);
        Assert.Equal(chainExpected.Stages.Select(s => s.Reached), chainActual.Stages.Select(s => s.Reached));
        for (var i = 0; i < chainExpected.Stages.Count; i++)
        {
            AssertSame(chainExpected.Stages[i].FromPrevious, chainActual.Stages[i].FromPrevious);
        }

        AssertSame(chainExpected.Total, chainActual.Total);
    }

    internal static void AssertSame(DurationStats? expected, DurationStats? actual)
    {
        Assert.Equal(expected is null, actual is null);
        if (expected is null || actual is null)
        {
            return;
        }

        Assert.Equal((expected.Count, expected.Min, expected.Max), (actual.Count, actual.Min, actual.Max));
        Trace.Near(expected.Mean, actual.Mean, "mean");
        Trace.Near(expected.Median, actual.Median, "median");
        Trace.Near(expected.P75, actual.P75, "p75");
        Trace.Near(expected.P90, actual.P90, "p90");
        Assert.Equal(expected.Histogram, actual.Histogram);
    }
}
