using Waymark.Core.Conditions;
using Waymark.Engine.Execution;
using Waymark.Engine.Kernels.Funnels;
using Waymark.Engine.Snapshot;
using Waymark.Twins;
using static Waymark.Engine.Tests.Kernels.Funnels.Journeys;

namespace Waymark.Engine.Tests.Kernels.Funnels;

/// <summary>
/// ClickHouse's default <c>windowFunnel</c> mode, worked out by hand from its definition, run
/// against every implementation: a subject's level is the longest prefix of steps met by events
/// <c>t0 ≤ t1 ≤ … ≤ t0 + window</c> (events of one millisecond taken in step order, one event
/// may meet consecutive steps); subjects at level 0 are not listed.
/// </summary>
public abstract class FunnelSuite
{
    protected abstract IReadOnlyDictionary<string, int> Levels(TwinEvents events, FunnelQuery query, QueryScope scope);

    private IReadOnlyDictionary<string, int> Levels(TwinEvents events, FunnelQuery query) => Levels(events, query, QueryScope.Everything);

    [Fact]
    public void WindowInclusive_LastStepAtTheWindowsEndCounts()
    {
        var events = Of(
            ("in", 0, "A"), ("in", 10, "B"), ("in", 60, "C"),      // C at 0 + 60: inside (≤) → 3
            ("out", 0, "A"), ("out", 10, "B"), ("out", 61, "C"));  // C at 61 > 60 → 2

        var levels = Levels(events, FunnelQuery.Of(Minutes(60), "A", "B", "C"));

        Assert.Equal(new Dictionary<string, int> { ["in"] = 3, ["out"] = 2 }, levels);
    }

    [Fact]
    public void LaterFirstStep_RestartsTheChain()
    {
        // A@0 cannot reach B@100 within 60; A@50 can: B@100 ≤ 110, C@110 ≤ 110 → 3.
        var events = Of(("s", 0, "A"), ("s", 50, "A"), ("s", 100, "B"), ("s", 110, "C"));

        Assert.Equal(3, Levels(events, FunnelQuery.Of(Minutes(60), "A", "B", "C"))["s"]);
    }

    [Fact]
    public void StepsOutOfOrder_StopAtTheFirst()
    {
        // B before A does not count; C after A but without B → level 1.
        var events = Of(("s", 0, "B"), ("s", 10, "A"), ("s", 20, "C"));

        Assert.Equal(1, Levels(events, FunnelQuery.Of(Minutes(60), "A", "B", "C"))["s"]);
    }

    [Fact]
    public void SameMillisecond_TakenInStepOrderWhateverTheRowOrder()
    {
        // B's row comes before A's, at the same time: taken as A then B → 2.
        var events = Of(("s", 5, "B"), ("s", 5, "A"));

        Assert.Equal(2, Levels(events, FunnelQuery.Of(Minutes(60), "A", "B"))["s"]);
    }

    [Fact]
    public void OneEventMeetingConsecutiveSteps_CountsForEach()
    {
        // One A meets steps 0 and 1 of A→A→B; B then completes → 3 (windowFunnel's default).
        var events = Of(("s", 0, "A"), ("s", 1, "B"));

        Assert.Equal(3, Levels(events, FunnelQuery.Of(Minutes(60), "A", "A", "B"))["s"]);
    }

    [Fact]
    public void ZeroWindow_OnlySameMillisecondSteps()
    {
        var events = Of(("same", 0, "A"), ("same", 0, "B"), ("later", 0, "A"), ("later", 1, "B"));

        var levels = Levels(events, FunnelQuery.Of(TimeSpan.Zero, "A", "B"));

        Assert.Equal(new Dictionary<string, int> { ["same"] = 2, ["later"] = 1 }, levels);
    }

    [Fact]
    public void SingleEventSubjects_LevelOneOrNotListed()
    {
        var events = Of(("a", 0, "A"), ("b", 0, "B"));

        Assert.Equal(new Dictionary<string, int> { ["a"] = 1 }, Levels(events, FunnelQuery.Of(Minutes(60), "A", "B")));
    }

    [Fact]
    public void TimeRangeCuttingSubjects_IgnoresEventsOutside()
    {
        // Range [10, 40) minutes: s1 loses A@0 (B@20 alone → 0); s2 keeps A@15, B@30 → 2, loses C@45.
        var events = Of(("s1", 0, "A"), ("s1", 20, "B"), ("s2", 15, "A"), ("s2", 30, "B"), ("s2", 45, "C"));
        var range = new TimeRange(Some.Day0 + (10 * Some.Minute), Some.Day0 + (40 * Some.Minute));

        var levels = Levels(events, FunnelQuery.Of(Minutes(60), "A", "B", "C"), new QueryScope(Cohort.Everyone, range));

        Assert.Equal(new Dictionary<string, int> { ["s2"] = 2 }, levels);
    }

    [Fact]
    public void Cohort_CountsOnlyItsSubjects_AndAnEmptyCohortNone()
    {
        var events = With(
            new Dictionary<string, string> { ["big"] = """{"segment":"enterprise"}""", ["small"] = """{"segment":"smb"}""" },
            ("big", 0, "A", null), ("big", 1, "B", null), ("small", 0, "A", null));
        var query = FunnelQuery.Of(Minutes(60), "A", "B");

        var enterprise = Levels(events, query, new QueryScope(new Cohort([PropertyFilter.Equal("segment", "enterprise")]), TimeRange.All));
        var nobody = Levels(events, query, new QueryScope(new Cohort([PropertyFilter.Equal("segment", "government")]), TimeRange.All));

        Assert.Equal(new Dictionary<string, int> { ["big"] = 2 }, enterprise);
        Assert.Empty(nobody);
    }

    [Fact]
    public void StepWithPropertyFilter_OnlyMatchingEventsCount()
    {
        // Only the pro upgrade meets step 1: free@10 does not, pro@20 does → 2; "free" stays at 1.
        var events = With(
            null,
            ("pro", 0, "signup", null), ("pro", 10, "upgrade", """{"plan":"free"}"""), ("pro", 20, "upgrade", """{"plan":"pro","seats":5}"""),
            ("free", 0, "signup", null), ("free", 10, "upgrade", """{"plan":"free"}"""));
        var query = FunnelQuery.Of(Minutes(60), EventCondition.Named("signup"), EventCondition.Named("upgrade", PropertyFilter.Equal("plan", "pro"), PropertyFilter.Compare("seats", Comparison.GreaterThanOrEqual, 5)));

        Assert.Equal(new Dictionary<string, int> { ["pro"] = 2, ["free"] = 1 }, Levels(events, query));
    }
}
