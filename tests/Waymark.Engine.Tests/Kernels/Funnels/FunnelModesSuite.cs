using Waymark.Engine.Execution;
using Waymark.Engine.Kernels.Funnels;
using Waymark.Twins;
using static Waymark.Engine.Tests.Kernels.Funnels.Journeys;

namespace Waymark.Engine.Tests.Kernels.Funnels;

/// <summary>
/// The strict modes of ClickHouse's <c>windowFunnel</c>, worked out by hand from its source
/// (AggregateFunctionWindowFunnel: entries sorted by (time, step), one state per level), run
/// against the engine and ClickHouse itself. Window 60 minutes, steps A→B→C.
/// </summary>
public abstract class FunnelModesSuite
{
    protected abstract IReadOnlyDictionary<string, int> Levels(TwinEvents events, FunnelQuery query, QueryScope scope);

    private int Level(FunnelModes modes, params (string Subject, long Minutes, string Name)[] events) =>
        Levels(Of(events), FunnelQuery.Of(Minutes(60), "A", "B", "C") with { Modes = modes }, QueryScope.Everything).GetValueOrDefault("s");

    [Fact]
    public void StrictDeduplication_RepeatedReachedStepStops()
    {
        // B@20 repeats step 1, already reached → stop at 2 (default mode goes on to C → 3).
        (string, long, string)[] events = [("s", 0, "A"), ("s", 10, "B"), ("s", 20, "B"), ("s", 30, "C")];

        Assert.Equal(2, Level(FunnelModes.StrictDeduplication, events));
        Assert.Equal(3, Level(FunnelModes.None, events));
    }

    [Fact]
    public void StrictDeduplication_RepeatedFirstStepRestartsInstead()
    {
        // A repeated is a restart, not a duplicate → A@5, B@10, C@20 → 3.
        Assert.Equal(3, Level(FunnelModes.StrictDeduplication, ("s", 0, "A"), ("s", 5, "A"), ("s", 10, "B"), ("s", 20, "C")));
    }

    [Fact]
    public void StrictOrder_EventOfNoStepStops()
    {
        // X meets no step after A → stop at 1.
        Assert.Equal(1, Level(FunnelModes.StrictOrder, ("s", 0, "A"), ("s", 5, "X"), ("s", 10, "B"), ("s", 20, "C")));
    }

    [Fact]
    public void StrictOrder_EventsBeforeTheFirstStepAreIgnored()
    {
        Assert.Equal(3, Level(FunnelModes.StrictOrder, ("s", 0, "X"), ("s", 5, "A"), ("s", 10, "B"), ("s", 20, "C")));
    }

    [Fact]
    public void StrictOrder_StepAheadOfItsTurnStops_UnlessReentryIsAllowed()
    {
        // C@5 comes before B is reached: strict_order stops at 1; allow_reentry ignores it → B@10, C@20 → 3.
        (string, long, string)[] events = [("s", 0, "A"), ("s", 5, "C"), ("s", 10, "B"), ("s", 20, "C")];

        Assert.Equal(1, Level(FunnelModes.StrictOrder, events));
        Assert.Equal(3, Level(FunnelModes.StrictOrder | FunnelModes.AllowReentry, events));
    }

    [Fact]
    public void StrictOrder_EventOfNoStepAtTheSameMillisecondComesFirst()
    {
        // X shares B's millisecond (row after B): events meeting no step sort first → stop at 1.
        Assert.Equal(1, Level(FunnelModes.StrictOrder, ("s", 0, "A"), ("s", 10, "B"), ("s", 10, "X"), ("s", 20, "C")));
    }

    [Fact]
    public void StrictIncrease_SameMillisecondStepDoesNotCount()
    {
        // B at A's millisecond: not strictly later → 1 (default: 3).
        (string, long, string)[] events = [("s", 0, "A"), ("s", 0, "B"), ("s", 10, "C")];

        Assert.Equal(1, Level(FunnelModes.StrictIncrease, events));
        Assert.Equal(3, Level(FunnelModes.None, events));
    }

    [Fact]
    public void StrictIncrease_KeepsOnlyTheLatestFirstStep()
    {
        // A@5 replaces A@0 as level 1's chain; B@5 is not after it, so level 2 is never reached,
        // although A@0 → B@5 → C@6 would be strictly increasing: windowFunnel is greedy → 1.
        Assert.Equal(1, Level(FunnelModes.StrictIncrease, ("s", 0, "A"), ("s", 5, "A"), ("s", 5, "B"), ("s", 6, "C")));
    }
}
