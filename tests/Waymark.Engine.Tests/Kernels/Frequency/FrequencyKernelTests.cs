using Waymark.Core.Conditions;
using Waymark.Engine.Execution;
using Waymark.Engine.Kernels.Frequency;
using Waymark.Engine.Kernels.Periods;
using Waymark.Engine.Kernels.Retention;
using Waymark.Engine.Snapshot;
using Waymark.Engine.Tests.Kernels.Retention;
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

    // The twins take names only: the engine's filtered and any-event conditions are checked against
    // DuckDB on a copy of the events where the events they match are renamed "match".
    [Theory]
    [InlineData(4UL, SubjectKind.Account)]
    [InlineData(5UL, SubjectKind.Person)]
    public void FilteredAndAnyEvent_EngineEqualsDuckDbOnRenamedEvents(ulong seed, SubjectKind kind)
    {
        var events = TwinEvents.Simulate(seed, accounts: 30, kind);
        var range = new TimeRange(events.Events.Min(e => e.Time) + (3 * Some.Day), events.Events.Max(e => e.Time) - (2 * Some.Day));
        var log = events.ToEventLog(partitionTarget: 700);
        var scope = new QueryScope(Cohort.Everyone, range);
        var hot = EventCondition.Named("ticket_opened", PropertyFilter.In("severity", "high", "critical"));
        using var hotTwin = Renamed(events, e => e.Name == "ticket_opened" && (e.Properties.Contains("\"high\"", StringComparison.Ordinal) || e.Properties.Contains("\"critical\"", StringComparison.Ordinal)));
        using var anyTwin = Renamed(events, _ => true);
        var match = EventCondition.Named("match");
        foreach (var (condition, duck) in new[] { (hot, hotTwin), (EventCondition.AnyEvent, anyTwin) })
        {
            Assert.Equal(
                FrequencySuite.Describe(FrequencySql.Run(duck, new FrequencyQuery(match, PeriodUnit.Week, maxCount: 5), range)),
                FrequencySuite.Describe(FrequencyKernel.Run(log, new FrequencyQuery(condition, PeriodUnit.Week, maxCount: 5), scope)));
            var ours = RepeatKernel.Run(log, new RepeatQuery(condition), scope);
            Assert.True(ours.Gaps.Count > 0, "no subject repeated the event: the comparison says little");
            Assert.Equal(Exact(FrequencySql.Repeats(duck, new RepeatQuery(match), range)), Exact(ours));
        }

        Assert.Equal(
            RetentionSuite.Describe(RetentionSql.Run(hotTwin, new RetentionQuery(match, EventCondition.Named("ticket_resolved"), PeriodUnit.Week, 6, RetentionMode.Recurring), range)),
            RetentionSuite.Describe(RetentionKernel.Run(log, new RetentionQuery(hot, EventCondition.Named("ticket_resolved"), PeriodUnit.Week, 6, RetentionMode.Recurring), scope)));
    }

    private static DuckDB.NET.Data.DuckDBConnection Renamed(TwinEvents events, Func<TwinEvent, bool> matches) =>
        new TwinEvents(events.SubjectKind, [.. events.Events.Select(e => matches(e) ? e with { Name = "match" } : e)], events.Traits).ToDuckDb();

    private static object Exact(RepeatResult r) => (r.Subjects, r.Repeating, Exact(r.Gaps), Exact(r.FirstRepeat));

    private static string Exact(GapStatistics g) =>
        $"{g.Count} {g.MedianMs} {g.P75Ms} {g.P90Ms} [{string.Join(" ", g.Histogram.Select(b => b.Count))}]";
}
