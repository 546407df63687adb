using Waymark.Core.Conditions;
using Waymark.Engine.Execution;
using Waymark.Engine.Kernels.Paths;
using Waymark.Engine.Snapshot;
using Waymark.Twins;
using Waymark.Twins.DuckDb;

namespace Waymark.Engine.Tests.Kernels.Paths;

/// <summary>The directly-follows graph's behaviour, run against every implementation.</summary>
public abstract class DirectlyFollowsTests
{
    protected abstract PathGraph Run(TwinEvents events, DirectlyFollowsQuery query);

    private static readonly QueryScope All = QueryScope.Everything;

    // a: A@0 B@1 C@3 B@6; b: A@0 C@10; c: A@5 (one event).
    private static TwinEvents Three() => Trace.Of(
        ("a", 0, "A"), ("b", 0, "A"), ("a", 1, "B"), ("a", 3, "C"), ("b", 10, "C"), ("c", 5, "A"), ("a", 6, "B"));

    [Fact]
    public void ThreeSubjects_CountsEachConsecutivePairOnce()
    {
        var graph = Run(Three(), new DirectlyFollowsQuery(All));

        // a gives A>B, B>C, C>B; b gives A>C; c (one event) gives no pair.
        Assert.Equal(3, graph.Subjects);
        Assert.Equal(7, graph.Events);
        Assert.Equal(
            [("A", "B", 1L), ("A", "C", 1L), ("B", "C", 1L), ("C", "B", 1L)],
            graph.Edges.Select(e => (e.From, e.To, e.Count)));
        Assert.Equal([new ActivityCount("A", 3)], graph.StartActivities);
        // Last events: a ends with B, b with C, c with A.
        Assert.Equal([new("A", 1), new("B", 1), new ActivityCount("C", 1)], graph.EndActivities);
    }

    [Fact]
    public void TimesOfAnEdge_AreExactMeanMedianAndP90()
    {
        // Four subjects each doing A then B, after 1, 2, 3 and 10 minutes.
        var events = Trace.Of(("p", 0, "A"), ("p", 1, "B"), ("q", 0, "A"), ("q", 2, "B"), ("r", 0, "A"), ("r", 3, "B"), ("s", 0, "A"), ("s", 10, "B"));

        var edge = Assert.Single(Run(events, new DirectlyFollowsQuery(All)).Edges);

        // Sorted 1, 2, 3, 10: mean 4; median at rank 1.5 = 2.5; p90 at rank 2.7 = 3 + 0.7 * 7 = 7.9 (minutes).
        Assert.Equal(4, edge.Count);
        Trace.Near(4 * Some.Minute, edge.Times!.Mean);
        Trace.Near(2.5 * Some.Minute, edge.Times.Median);
        Trace.Near(7.9 * Some.Minute, edge.Times.P90);
        Assert.Equal(1 * Some.Minute, edge.Times.Min);
        Assert.Equal(10 * Some.Minute, edge.Times.Max);
    }

    [Fact]
    public void DeltasAroundAndBeyond32BitMilliseconds_AreExact()
    {
        // The engine keeps deltas below uint.MaxValue ms (49.7 days) in 32 bits and the others
        // apart: one A then B per subject, with deltas on both sides of that line and far beyond.
        long[] deltas = [5, uint.MaxValue - 1L, uint.MaxValue, uint.MaxValue + 1L, 1L << 40];

        var edge = Assert.Single(Run(AThenB(deltas), new DirectlyFollowsQuery(All)).Edges);

        // Median at rank 2; p90 at rank 3.6: 2^32 + 0.6 (2^40 − 2^32).
        Assert.Equal(5, edge.Count);
        Trace.Near(1_112_396_529_666 / 5.0, edge.Times!.Mean);
        Assert.Equal(uint.MaxValue, edge.Times.Median);
        Trace.Near(4_294_967_296 + (0.6 * 1_095_216_660_480), edge.Times.P90);
        Assert.Equal((5L, 1L << 40), (edge.Times.Min, edge.Times.Max));
    }

    [Fact]
    public void EveryDeltaBeyond32BitMilliseconds_MinAndMedianAreExact()
    {
        var edge = Assert.Single(Run(AThenB([1L << 35, 1L << 33]), new DirectlyFollowsQuery(All)).Edges);

        // Two values: the median is their mean; p90 at rank 0.9.
        Trace.Near(((1L << 33) + (1L << 35)) / 2.0, edge.Times!.Median);
        Trace.Near((1L << 33) + (0.9 * ((1L << 35) - (1L << 33))), edge.Times.P90);
        Assert.Equal((1L << 33, 1L << 35), (edge.Times.Min, edge.Times.Max));
    }

    [Fact]
    public void PairSeenOnce_ItsDeltaIsEveryStatistic()
    {
        var edge = Assert.Single(Run(AThenB([123_456_789]), new DirectlyFollowsQuery(All)).Edges);

        Assert.Equal(1, edge.Count);
        Assert.Equal(
            (123_456_789.0, 123_456_789.0, 123_456_789.0, 123_456_789L, 123_456_789L),
            (edge.Times!.Mean, edge.Times.Median, edge.Times.P90, edge.Times.Min, edge.Times.Max));
    }

    [Theory]
    [InlineData(1000)]
    [InlineData(5000)]
    public void ManyCloseDeltas_QuantilesEqualTheirDefinition(int count)
    {
        // Deltas spread over a few thousand ms around one second, many sharing a value: the ranks
        // fall inside buckets holding many values, not at their edges. A small pair is selected
        // among all its deltas, a large one through its bucket counts: both must agree with the definition.
        var deltas = Enumerable.Range(0, count).Select(i => 1_000_000L + ((i * 7919L) % 2503)).ToArray();

        var edge = Assert.Single(Run(AThenB(deltas), new DirectlyFollowsQuery(All)).Edges);

        AssertDefinition(deltas, edge.Times!);
    }

    [Theory]
    [InlineData(1000)]
    [InlineData(5000)]
    public void ManyDeltasSomeBeyond32BitMilliseconds_QuantilesEqualTheirDefinition(int count)
    {
        // Every seventh delta is beyond 2^32 ms, so p90 falls among them.
        var deltas = Enumerable.Range(0, count).Select(i => i % 7 == 0 ? (1L << 33) + (i * 1_000_003L) : 50_000L + ((i * 7919L) % 100_003)).ToArray();

        var edge = Assert.Single(Run(AThenB(deltas), new DirectlyFollowsQuery(All)).Edges);

        AssertDefinition(deltas, edge.Times!);
    }

    // Continuous quantiles (rank h = (n - 1) q, interpolated), mean, min and max from their definitions.
    private static void AssertDefinition(long[] deltas, EdgeTimes times)
    {
        var sorted = deltas.Order().ToArray();
        double Quantile(double q)
        {
            var h = (sorted.Length - 1) * q;
            var low = (int)Math.Floor(h);
            return sorted[low] + ((h - low) * (sorted[Math.Min(low + 1, sorted.Length - 1)] - sorted[low]));
        }

        Trace.Near(Quantile(0.5), times.Median);
        Trace.Near(Quantile(0.9), times.P90);
        Trace.Near(deltas.Average(), times.Mean);
        Assert.Equal((sorted[0], sorted[^1]), (times.Min, times.Max));
    }

    [Theory]
    [InlineData(300)]
    [InlineData(2100)]
    public void ManyNames_EachPairItsOwnEdge(int names)
    {
        // Subject i does n{i} then n{i+1} (wrapping) after i + 1 minutes: one edge per subject.
        var events = Enumerable.Range(0, names).SelectMany(i => new[]
        {
            ($"s{i}", 0L, $"n{i}"), ($"s{i}", i + 1L, $"n{(i + 1) % names}"),
        }).ToArray();

        var graph = Run(Trace.Of(events), new DirectlyFollowsQuery(All));
        var counts = Run(Trace.Of(events), new DirectlyFollowsQuery(All) { WithTimes = false });

        Assert.Equal(names, graph.Edges.Count);
        Assert.Equal(graph.Edges.Select(e => (e.From, e.To, e.Count)), counts.Edges.Select(e => (e.From, e.To, e.Count)));
        Assert.All(graph.Edges, e =>
        {
            var i = int.Parse(e.From[1..], System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(($"n{(i + 1) % names}", 1L), (e.To, e.Count));
            Assert.Equal((i + 1) * Some.Minute, e.Times!.Median);
        });
    }

    // One subject per delta, each doing A then B that many milliseconds later.
    private static TwinEvents AThenB(long[] deltas) => new(
        SubjectKind.Person,
        [.. deltas.SelectMany((d, i) => new[] { new TwinEvent($"s{i}", Some.Day0, "A", "{}"), new TwinEvent($"s{i}", Some.Day0 + d, "B", "{}") })]);

    [Fact]
    public void WithoutTimes_CountsTheSame()
    {
        var graph = Run(Three(), new DirectlyFollowsQuery(All) { WithTimes = false });

        Assert.Equal(4, graph.Edges.Count);
        Assert.All(graph.Edges, e => Assert.Null(e.Times));
        Assert.Equal(4, graph.Edges.Sum(e => e.Count));
    }

    [Fact]
    public void TiesOnTheSameTime_FollowSourceRowOrder()
    {
        // Y is row 0 and X row 1, both at minute 5: the subject's order is Y, X, then Z.
        var graph = Run(Trace.Of(("t", 5, "Y"), ("t", 5, "X"), ("t", 7, "Z")), new DirectlyFollowsQuery(All));

        Assert.Equal([("X", "Z", 1L), ("Y", "X", 1L)], graph.Edges.Select(e => (e.From, e.To, e.Count)));
        Assert.Equal(0, graph.Edges.Single(e => e.From == "Y").Times!.Max);
        Assert.Equal("Y", Assert.Single(graph.StartActivities).Name);
    }

    [Fact]
    public void RangeThatCutsASubject_PairsOnlyEventsInside()
    {
        // Range [1, 6) minutes keeps a's B@1 and C@3 (B@6 is at the excluded end) and b's nothing, c's A@5.
        var range = new TimeRange(Some.Day0 + Some.Minute, Some.Day0 + (6 * Some.Minute));

        var graph = Run(Three(), new DirectlyFollowsQuery(new QueryScope(Cohort.Everyone, range)));

        Assert.Equal(2, graph.Subjects);
        Assert.Equal(3, graph.Events);
        var edge = Assert.Single(graph.Edges);
        Assert.Equal(("B", "C", 1L), (edge.From, edge.To, edge.Count));
        Assert.Equal([new("A", 1), new ActivityCount("B", 1)], graph.StartActivities);
    }

    [Fact]
    public void ZeroWidthRange_IsEmpty()
    {
        var graph = Run(Three(), new DirectlyFollowsQuery(new QueryScope(Cohort.Everyone, new TimeRange(Some.Day0, Some.Day0))));

        Assert.Equal(0, graph.Subjects);
        Assert.Empty(graph.Edges);
        Assert.Empty(graph.StartActivities);
    }

    [Fact]
    public void Cohort_CountsOnlyItsSubjects()
    {
        // Trace gives each subject the trait tier = its first letter; tier b is subject b alone.
        var cohort = new Cohort([PropertyFilter.Equal("tier", "b")]);

        var graph = Run(Three(), new DirectlyFollowsQuery(new QueryScope(cohort, TimeRange.All)));

        Assert.Equal(1, graph.Subjects);
        Assert.Equal(("A", "C", 1L), graph.Edges.Select(e => (e.From, e.To, e.Count)).Single());
        Trace.Near(10 * Some.Minute, graph.Edges[0].Times!.Median);
    }

    [Fact]
    public void EmptyCohort_IsEmpty()
    {
        var cohort = new Cohort([PropertyFilter.Equal("tier", "nobody")]);

        var graph = Run(Three(), new DirectlyFollowsQuery(new QueryScope(cohort, TimeRange.All)));

        Assert.Equal(0, graph.Subjects);
        Assert.Empty(graph.Edges);
        Assert.Empty(graph.EndActivities);
    }
}

public sealed class DirectlyFollowsEngineTests : DirectlyFollowsTests
{
    protected override PathGraph Run(TwinEvents events, DirectlyFollowsQuery query) => DirectlyFollows.Run(Trace.Engine(events), query);
}

public sealed class DirectlyFollowsDuckDbTests : DirectlyFollowsTests
{
    protected override PathGraph Run(TwinEvents events, DirectlyFollowsQuery query) => Trace.Duck(events, db => DirectlyFollowsSql.Run(db, query));
}
