using Waymark.Core.Conditions;
using Waymark.Engine.Execution;
using Waymark.Engine.Kernels.Frequency;
using Waymark.Engine.Kernels.Periods;
using Waymark.Engine.Snapshot;
using Waymark.Twins;
using Waymark.Twins.DuckDb;

namespace Waymark.Engine.Tests.Kernels.Frequency;

public sealed class FrequencyKernelTests
{
    [Theory]
    [InlineData(1UL, SubjectKind.Person, PeriodUnit.Day)]
    [InlineData(2UL, SubjectKind.Account, PeriodUnit.Week)]
    [InlineData(3UL, SubjectKind.Account, PeriodUnit.Month)]
    public void SimulatedCompany_EngineEqualsDuckDb(ulong seed, SubjectKind kind, PeriodUnit unit)
    {
        var events = TwinEvents.Simulate(seed, accounts: 30, kind);
        var name = Timeline.TopNames(events, 4)[2];
        var range = new TimeRange(events.Events.Min(e => e.Time) + (2 * Some.Day), long.MaxValue);
        var log = events.ToEventLog(partitionTarget: 1500);
        var scope = new QueryScope(Cohort.Everyone, range);
        using var duck = events.ToDuckDb();

        var frequency = new FrequencyQuery(EventCondition.Named(name), unit, maxCount: 8);
        var engine = FrequencyKernel.Run(log, frequency, scope);
        Assert.Equal(FrequencySuite.Describe(FrequencySql.Run(duck, frequency, range)), FrequencySuite.Describe(engine));
        Assert.True(engine.Overall.SubjectsByCount.Skip(1).Sum() > 0, "no subject repeated the event within a period: the comparison says little");

        var repeats = new RepeatQuery(EventCondition.Named(name));
        var ours = RepeatKernel.Run(log, repeats, scope);
        var twin = FrequencySql.Repeats(duck, repeats, range);
        Assert.True(ours.Gaps.Count > 100);
        Assert.Equal(Exact(twin), Exact(ours));
        Assert.Equal(twin.Gaps.MeanMs!.Value, ours.Gaps.MeanMs!.Value, 3);
    }

    private static object Exact(RepeatResult r) => (r.Subjects, r.Repeating, Exact(r.Gaps), Exact(r.FirstRepeat));

    private static string Exact(GapStatistics g) =>
        $"{g.Count} {g.MedianMs} {g.P75Ms} {g.P90Ms} [{string.Join(" ", g.Histogram.Select(b => b.Count))}]";
}
