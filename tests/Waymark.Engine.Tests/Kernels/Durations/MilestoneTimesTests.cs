using Waymark.Core.Conditions;
using Waymark.Engine.Execution;
using Waymark.Engine.Kernels.Durations;
using Waymark.Twins;
using Waymark.Twins.DuckDb;

namespace Waymark.Engine.Tests.Kernels.Durations;

/// <summary>Time between consecutive milestones, run against every implementation.</summary>
public abstract class MilestoneTimesTests
{
    protected abstract MilestoneDurations Run(TwinEvents events, MilestoneQuery query);

    [Fact]
    public void Chain_TakesTheFirstOfEachMilestoneAfterThePrevious()
    {
        // p: B@0 A@2 B@5 C@9 A@11 C@20 -> A@2, B@5 (B@0 is before A), C@9: 3 and 4 min, total 7.
        // q: A@0 B@10 -> reaches B only (10 min). r: A@0 B@0 C@0 in row order -> 0, 0, total 0. s: B only.
        var events = Trace.Of(
            ("p", 0, "B"), ("p", 2, "A"), ("p", 5, "B"), ("p", 9, "C"), ("p", 11, "A"), ("p", 20, "C"),
            ("q", 0, "A"), ("q", 10, "B"),
            ("r", 0, "A"), ("r", 0, "B"), ("r", 0, "C"),
            ("s", 3, "B"));

        var result = Run(events, new MilestoneQuery(QueryScope.Everything, [EventCondition.Named("A"), EventCondition.Named("B"), EventCondition.Named("C")]));

        Assert.Equal([3L, 3L, 2L], result.Stages.Select(s => s.Reached));
        Assert.Null(result.Stages[0].FromPrevious);
        // A to B: 3, 10, 0 -> median 3; B to C: 4, 0 -> median 2; total 7, 0 -> median 3.5.
        Assert.Equal(3 * Some.Minute, result.Stages[1].FromPrevious!.Median);
        Assert.Equal((0L, 10 * Some.Minute), (result.Stages[1].FromPrevious!.Min, result.Stages[1].FromPrevious!.Max));
        Assert.Equal(2 * Some.Minute, result.Stages[2].FromPrevious!.Median);
        Assert.Equal(3.5 * Some.Minute, result.Total!.Median);
    }

    [Fact]
    public void NobodyReachesTheFirst_AllEmpty()
    {
        var result = Run(Trace.Of(("p", 0, "B")), new MilestoneQuery(QueryScope.Everything, [EventCondition.Named("A"), EventCondition.Named("B")]));

        Assert.Equal([0L, 0L], result.Stages.Select(s => s.Reached));
        Assert.Null(result.Stages[1].FromPrevious);
        Assert.Null(result.Total);
    }
}

public sealed class MilestoneTimesEngineTests : MilestoneTimesTests
{
    protected override MilestoneDurations Run(TwinEvents events, MilestoneQuery query) => MilestoneTimes.Run(Trace.Engine(events), query);

    [Fact]
    public void OneMilestone_IsRejected()
    {
        var error = Assert.Throws<ArgumentException>(() => MilestoneTimes.Run(Trace.Engine(Trace.Of(("p", 0, "A"))), new MilestoneQuery(QueryScope.Everything, [EventCondition.Named("A")])));
        Assert.Contains("at least two", error.Message, StringComparison.Ordinal);
    }
}

public sealed class MilestoneTimesDuckDbTests : MilestoneTimesTests
{
    protected override MilestoneDurations Run(TwinEvents events, MilestoneQuery query) => Trace.Duck(events, db => DurationsSql.Run(db, query));
}
