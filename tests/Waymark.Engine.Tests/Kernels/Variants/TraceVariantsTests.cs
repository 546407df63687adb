using Waymark.Core.Conditions;
using Waymark.Engine.Execution;
using Waymark.Engine.Kernels.Variants;
using Waymark.Engine.Snapshot;
using Waymark.Twins;
using Waymark.Twins.DuckDb;

namespace Waymark.Engine.Tests.Kernels.Variants;

/// <summary>Trace variants' behaviour, run against every implementation.</summary>
public abstract class TraceVariantsTests
{
    protected abstract VariantSet Run(TwinEvents events, VariantsQuery query);

    // a, b: A B C (durations 10 and 30 min); c: A C; d: A B C (duration 20); e: A (one event).
    private static TwinEvents Five() => Trace.Of(
        ("a", 0, "A"), ("a", 4, "B"), ("a", 10, "C"),
        ("b", 0, "A"), ("b", 1, "B"), ("b", 30, "C"),
        ("c", 0, "A"), ("c", 7, "C"),
        ("d", 100, "A"), ("d", 110, "B"), ("d", 120, "C"),
        ("e", 50, "A"));

    [Fact]
    public void FiveSubjects_GroupByExactSequence()
    {
        var set = Run(Five(), new VariantsQuery(QueryScope.Everything));

        // A B C x3 (durations 10, 30, 20: median 20 min); then A and A C once each, A before A C (prefix first).
        Assert.Equal(5, set.Subjects);
        Assert.Equal(3, set.Distinct);
        Assert.Equal(["A>B>C", "A", "A>C"], set.Top.Select(v => string.Join('>', v.Names)));
        Assert.Equal([3L, 1L, 1L], set.Top.Select(v => v.Count));
        Assert.Equal([0.6, 0.2, 0.2], set.Top.Select(v => v.Share));
        Assert.Equal([20.0 * Some.Minute, 0, 7.0 * Some.Minute], set.Top.Select(v => v.MedianDuration));
    }

    [Fact]
    public void TopOne_KeepsTheMostFrequent()
    {
        var set = Run(Five(), new VariantsQuery(QueryScope.Everything) { Top = 1 });

        Assert.Equal(3, set.Distinct);
        Assert.Equal("A>B>C", string.Join('>', Assert.Single(set.Top).Names));
    }

    [Fact]
    public void EvenCount_MedianDurationIsTheMeanOfTheMiddleTwo()
    {
        // Two subjects X Y, 2 and 5 minutes long: median 3.5 minutes.
        var set = Run(Trace.Of(("p", 0, "X"), ("p", 2, "Y"), ("q", 0, "X"), ("q", 5, "Y")), new VariantsQuery(QueryScope.Everything));

        Assert.Equal(3.5 * Some.Minute, Assert.Single(set.Top).MedianDuration);
    }

    [Fact]
    public void TiesOnTheSameTime_FollowSourceRowOrder()
    {
        // p's rows: B then A at minute 3; q's rows: A then B at minute 3: two variants.
        var set = Run(Trace.Of(("p", 3, "B"), ("p", 3, "A"), ("q", 3, "A"), ("q", 3, "B")), new VariantsQuery(QueryScope.Everything));

        Assert.Equal(["A>B", "B>A"], set.Top.Select(v => string.Join('>', v.Names)));
    }

    [Fact]
    public void RangeAndCohort_CutTheSequences()
    {
        // Range [4, 40) min: a keeps B@4 C@10, b keeps C@30, c keeps C@7, d and e keep nothing;
        // the cohort (tiers a, b, c) changes nothing else. So C twice (both 0 long), B C once (6 min).
        var range = new TimeRange(Some.Day0 + (4 * Some.Minute), Some.Day0 + (40 * Some.Minute));
        var cohort = new Cohort([PropertyFilter.In("tier", "a", "b", "c")]);

        var set = Run(Five(), new VariantsQuery(new QueryScope(cohort, range)));

        Assert.Equal(3, set.Subjects);
        Assert.Equal(["C", "B>C"], set.Top.Select(v => string.Join('>', v.Names)));
        Assert.Equal([2L, 1L], set.Top.Select(v => v.Count));
        Assert.Equal([0, 6.0 * Some.Minute], set.Top.Select(v => v.MedianDuration));
    }

    [Fact]
    public void EmptyCohort_HasNoVariants()
    {
        var set = Run(Five(), new VariantsQuery(new QueryScope(new Cohort([PropertyFilter.Equal("tier", "z")]), TimeRange.All)));

        Assert.Equal(0, set.Subjects);
        Assert.Empty(set.Top);
    }
}

public sealed class TraceVariantsEngineTests : TraceVariantsTests
{
    protected override VariantSet Run(TwinEvents events, VariantsQuery query) => TraceVariants.Run(Trace.Engine(events), query);

    [Fact]
    public void TopBelowOne_IsRejected()
    {
        var error = Assert.Throws<ArgumentException>(() => TraceVariants.Run(Trace.Engine(Trace.Of(("a", 0, "A"))), new VariantsQuery(QueryScope.Everything) { Top = 0 }));
        Assert.Contains("Top must be at least 1", error.Message, StringComparison.Ordinal);
    }
}

public sealed class TraceVariantsDuckDbTests : TraceVariantsTests
{
    protected override VariantSet Run(TwinEvents events, VariantsQuery query) => Trace.Duck(events, db => VariantsSql.Run(db, query));
}

/// <summary>The engine's variants equal its DuckDB twin's on simulated companies.</summary>
public sealed class TraceVariantsTwinTests
{
    [Theory]
    [InlineData(1UL, SubjectKind.Account)]
    [InlineData(2UL, SubjectKind.Person)]
    [InlineData(3UL, SubjectKind.Person)]
    public void SimulatedCompany_EngineEqualsDuckDb(ulong seed, SubjectKind kind)
    {
        var twins = TwinEvents.Simulate(seed, accounts: 30, kind);
        var log = twins.ToEventLog(partitionTarget: 400);
        using var duck = twins.ToDuckDb();
        var middle = twins.Events.Select(e => e.Time).Order().ElementAt(twins.Events.Count / 2);
        foreach (var scope in new[] { QueryScope.Everything, new QueryScope(Cohort.Everyone, new TimeRange(middle - (3 * Some.Day), middle + (3 * Some.Day))) })
        {
            var query = new VariantsQuery(scope) { Top = 50 };
            var expected = VariantsSql.Run(duck, query);
            var actual = TraceVariants.Run(log, query);

            Assert.Equal((expected.Subjects, expected.Distinct), (actual.Subjects, actual.Distinct));
            Assert.Equal(expected.Top.Select(v => (string.Join('>', v.Names), v.Count)), actual.Top.Select(v => (string.Join('>', v.Names), v.Count)));
            for (var i = 0; i < expected.Top.Count; i++)
            {
                Trace.Near(expected.Top[i].MedianDuration, actual.Top[i].MedianDuration, "median");
                Trace.Near(expected.Top[i].Share, actual.Top[i].Share, "share");
            }
        }
    }
}
