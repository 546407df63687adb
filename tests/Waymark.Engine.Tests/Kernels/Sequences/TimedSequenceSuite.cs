using Waymark.Engine.Kernels.Sequences;
using Waymark.Engine.Snapshot;
using Waymark.Twins;
using Waymark.Twins.ClickHouse;
using Waymark.Twins.DuckDb;

namespace Waymark.Engine.Tests.Kernels.Sequences;

/// <summary>
/// Patterns with time elements, hand-worked from ClickHouse's backtracking rules, against the
/// engine and ClickHouse (no regular expression measures time, so DuckDB has no twin here).
/// Conditions: (?1) = a, (?2) = b, (?3) = c.
/// </summary>
public abstract class TimedSequenceSuite
{
    protected abstract TwinSequenceResult Run(TwinEvents events, SequenceQuery query);

    private IReadOnlyList<TwinSequenceRow> Rows(TwinEvents events, string pattern) =>
        Run(events, SequenceQuery.OfNames(pattern, "a", "b", "c")).Rows;

    [Fact]
    public void UpperBound_IsInclusive()
    {
        // s1: b 60 s after a (60 ≤ 60 holds); s2: 61 s after (does not).
        var events = Timeline.Seconds(("s1", 0, "a"), ("s1", 60, "b"), ("s2", 0, "a"), ("s2", 61, "b"));
        Assert.Equal([new TwinSequenceRow("s1", true, 1)], Rows(events, "(?1)(?t<=60)(?2)"));
        Assert.Empty(Rows(events, "(?1)(?t<60)(?2)"));
    }

    [Fact]
    public void UpperBound_LetsEventsStandBetween()
    {
        // a@0 c@10 b@20: the bound is tried at c (10 ≤ 60), (?2) fails there, so the search moves on
        // to b with a still the base: 20 ≤ 60, match.
        var events = Timeline.Seconds(("s1", 0, "a"), ("s1", 10, "c"), ("s1", 20, "b"));
        Assert.Equal([new TwinSequenceRow("s1", true, 1)], Rows(events, "(?1)(?t<=60)(?2)"));
    }

    [Fact]
    public void LowerBound_SkipsEventsTooSoon()
    {
        // a@0 b@30 b@90: b@30 is too soon (30 ≤ 60) and skipped, b@90 is 90 > 60 after a: one match,
        // which consumed everything, so the count is 1.
        var events = Timeline.Seconds(("s1", 0, "a"), ("s1", 30, "b"), ("s1", 90, "b"));
        Assert.Equal([new TwinSequenceRow("s1", true, 1)], Rows(events, "(?1)(?t>60)(?2)"));
        // ≥ 30: b@30 already qualifies (30 ≥ 30); the next search from b@90 finds no a.
        Assert.Equal([new TwinSequenceRow("s1", true, 1)], Rows(events, "(?1)(?t>=30)(?2)"));
    }

    [Fact]
    public void ZeroWindow_MatchesOnlyEqualTimes()
    {
        // s1: a and b at the same millisecond; s2: b one millisecond later. (?t==0) and (?t<=0) hold for s1 only.
        var events = Timeline.Milliseconds(("s1", 0, "a"), ("s1", 0, "b"), ("s2", 0, "a"), ("s2", 1, "b"));
        Assert.Equal([new TwinSequenceRow("s1", true, 1)], Rows(events, "(?1)(?t==0)(?2)"));
        Assert.Equal([new TwinSequenceRow("s1", true, 1)], Rows(events, "(?1)(?t<=0)(?2)"));
    }

    [Fact]
    public void ExactTime_CountsEachPairOnce()
    {
        // a@0 b@10 a@20 b@30 a@40 b@45: (?1)(?t==10)(?2) matches (0,10) and (20,30); from a@40 no b
        // lies exactly 10 s later: 2.
        var events = Timeline.Seconds(("s1", 0, "a"), ("s1", 10, "b"), ("s1", 20, "a"), ("s1", 30, "b"), ("s1", 40, "a"), ("s1", 45, "b"));
        Assert.Equal([new TwinSequenceRow("s1", true, 2)], Rows(events, "(?1)(?t==10)(?2)"));
    }

    [Fact]
    public void TrailingUpperBound_MatchesNothingAtTheEnd()
    {
        // (?1)(?t<5) with a lone a: the events run out before the bound is tried, and ClickHouse lets
        // an upper bound match nothing at the end: a match. With a@0 a@10 the bound fails at a@10
        // (10 ≥ 5), the search restarts at a@10, and the events run out again: a match; the count
        // search after it finds none (it ended at the last event).
        Assert.Equal([new TwinSequenceRow("s1", true, 1)], Rows(Timeline.Seconds(("s1", 0, "a")), "(?1)(?t<5)"));
        Assert.Equal([new TwinSequenceRow("s1", true, 1)], Rows(Timeline.Seconds(("s1", 0, "a"), ("s1", 10, "a")), "(?1)(?t<5)"));
    }
}

public sealed class TimedSequenceEngineTests : TimedSequenceSuite
{
    protected override TwinSequenceResult Run(TwinEvents events, SequenceQuery query) =>
        SequenceEngineTests.Engine(events.ToEventLog(), query, TimeRange.All);
}

[Collection(ChDbCollection.Name)]
public sealed class TimedSequenceClickHouseTests(ClickHouseFixture clickHouse) : TimedSequenceSuite
{
    protected override TwinSequenceResult Run(TwinEvents events, SequenceQuery query)
    {
        clickHouse.Load(events);
        return SequenceClickHouse.Run(clickHouse.Session, query, TimeRange.All);
    }
}
