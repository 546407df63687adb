using Waymark.Engine.Execution;
using Waymark.Engine.Kernels.Sequences;
using Waymark.Engine.Snapshot;
using Waymark.Twins;
using Waymark.Twins.ClickHouse;
using Waymark.Twins.DuckDb;

namespace Waymark.Engine.Tests.Kernels.Sequences;

/// <summary>
/// Patterns without time elements, hand-worked from ClickHouse's definition, run against the
/// engine, the DuckDB regular-expression twin and ClickHouse itself. Conditions: (?1) = a,
/// (?2) = b, (?3) = c unless a case says otherwise; x never satisfies a condition.
/// </summary>
public abstract class SequenceSuite
{
    protected abstract TwinSequenceResult Run(TwinEvents events, SequenceQuery query, TimeRange range);

    private TwinSequenceResult Run(TwinEvents events, string pattern, params string[] names) =>
        Run(events, SequenceQuery.OfNames(pattern, names), TimeRange.All);

    [Fact]
    public void EventOfNoCondition_IsSkippedBetweenSteps()
    {
        // s1: a x b — x satisfies no condition, so the events are [a, b] and (?1)(?2) matches once.
        var events = Timeline.Seconds(("s1", 0, "a"), ("s1", 1, "x"), ("s1", 2, "b"));
        Assert.Equal([new TwinSequenceRow("s1", true, 1)], Run(events, "(?1)(?2)", "a", "b").Rows);
    }

    [Fact]
    public void EventOfAnUnusedCondition_StandsBetweenSteps()
    {
        // With c as condition 3 (never named by the pattern), the events are [a, c, b]: a and b are not adjacent.
        var events = Timeline.Seconds(("s1", 0, "a"), ("s1", 1, "c"), ("s1", 2, "b"));
        var result = Run(events, "(?1)(?2)", "a", "b", "c");
        Assert.Empty(result.Rows);
        Assert.Equal(1, result.SubjectsConsidered);
    }

    [Fact]
    public void Dot_TakesOneConditionEventAndNeverASkippedOne()
    {
        // [a, x, b] with conditions a, b: x is not an event of the sequence, so '.' finds nothing between a and b.
        // [a, c, b] with conditions a, b, c: '.' takes c.
        var skipped = Timeline.Seconds(("s1", 0, "a"), ("s1", 1, "x"), ("s1", 2, "b"));
        var taken = Timeline.Seconds(("s1", 0, "a"), ("s1", 1, "c"), ("s1", 2, "b"));
        Assert.Empty(Run(skipped, "(?1).(?2)", "a", "b").Rows);
        Assert.Equal([new TwinSequenceRow("s1", true, 1)], Run(taken, "(?1).(?2)", "a", "b", "c").Rows);
    }

    [Fact]
    public void Count_FindsNonOverlappingMatchesEachAfterThePrevious()
    {
        // a a b a b b: the first search starts at the first a and takes the nearest b (index 2); the
        // next starts after it: a(3) b(4); the last finds only b(5): 2 matches.
        var events = Timeline.Seconds(("s1", 0, "a"), ("s1", 1, "a"), ("s1", 2, "b"), ("s1", 3, "a"), ("s1", 4, "b"), ("s1", 5, "b"));
        Assert.Equal([new TwinSequenceRow("s1", true, 2)], Run(events, "(?1).*(?2)", "a", "b").Rows);
    }

    [Fact]
    public void Count_OfAdjacentPairs_SkipsPairsThatShareAnEvent()
    {
        // a b b a b: (?1)(?2) = a directly followed by b: (0,1) and (3,4): 2. (?2)(?2): (1,2) only: 1.
        var events = Timeline.Seconds(("s1", 0, "a"), ("s1", 1, "b"), ("s1", 2, "b"), ("s1", 3, "a"), ("s1", 4, "b"));
        Assert.Equal([new TwinSequenceRow("s1", true, 2)], Run(events, "(?1)(?2)", "a", "b").Rows);
        Assert.Equal([new TwinSequenceRow("s1", true, 1)], Run(events, "(?2)(?2)", "a", "b").Rows);
    }

    [Fact]
    public void EqualTimes_KeepRowOrder()
    {
        // Both events at the same second, a first in the source: a→b holds, b→a does not.
        var events = Timeline.Seconds(("s1", 5, "a"), ("s1", 5, "b"));
        Assert.Equal([new TwinSequenceRow("s1", true, 1)], Run(events, "(?1)(?2)", "a", "b").Rows);
        Assert.Empty(Run(events, "(?2)(?1)", "a", "b").Rows);
    }

    [Fact]
    public void SingleEventSubjects_MatchASingleStepOnly()
    {
        // s1 has one a, s2 one b, s3 one x: (?1) matches s1 once; all three are considered.
        var events = Timeline.Seconds(("s1", 0, "a"), ("s2", 0, "b"), ("s3", 0, "x"));
        var result = Run(events, "(?1)", "a", "b");
        Assert.Equal(3, result.SubjectsConsidered);
        Assert.Equal([new TwinSequenceRow("s1", true, 1)], result.Rows);
    }

    [Fact]
    public void TimeRange_CutsEventsAsIfAbsent()
    {
        // a on day 0, b on day 1; a range from day 1 on leaves [b]: no a→b. s2 (only day 0) is not considered.
        var events = Timeline.Days(("s1", 0, "a"), ("s1", 1, "b"), ("s1", 1.5, "b"), ("s2", 0.5, "a"));
        var range = new TimeRange(Some.Day0 + Some.Day, long.MaxValue);
        var result = Run(events, SequenceQuery.OfNames("(?1).*(?2)", "a", "b"), range);
        Assert.Empty(result.Rows);
        Assert.Equal(1, result.SubjectsConsidered);
        Assert.Equal([new TwinSequenceRow("s1", true, 2)], Run(events, SequenceQuery.OfNames("(?2)", "a", "b"), range).Rows);
    }
}

public sealed class SequenceEngineTests : SequenceSuite
{
    protected override TwinSequenceResult Run(TwinEvents events, SequenceQuery query, TimeRange range) =>
        Engine(events.ToEventLog(), query, range);

    internal static TwinSequenceResult Engine(EventLog log, SequenceQuery query, TimeRange range)
    {
        var result = SequenceKernel.Run(log, query, new QueryScope(Core.Conditions.Cohort.Everyone, range));
        Assert.Equal(0, result.SubjectsOverStepLimit);
        var rows = result.Subjects.Select(s => new TwinSequenceRow(s.Id, s.Matched, s.Count))
            .OrderBy(r => r.Subject, StringComparer.Ordinal).ToList();
        return new TwinSequenceResult(result.SubjectsConsidered, rows);
    }
}

public sealed class SequenceDuckDbTests : SequenceSuite
{
    protected override TwinSequenceResult Run(TwinEvents events, SequenceQuery query, TimeRange range)
    {
        using var duck = events.ToDuckDb();
        return SequenceSql.Run(duck, query, range);
    }
}

[Collection(ChDbCollection.Name)]
public sealed class SequenceClickHouseTests(ClickHouseFixture clickHouse) : SequenceSuite
{
    protected override TwinSequenceResult Run(TwinEvents events, SequenceQuery query, TimeRange range)
    {
        clickHouse.Load(events);
        return SequenceClickHouse.Run(clickHouse.Session, query, range);
    }
}
