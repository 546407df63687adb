using Waymark.Core.Conditions;
using Waymark.Engine.Execution;
using Waymark.Engine.Kernels.Periods;
using Waymark.Engine.Kernels.Retention;
using Waymark.Engine.Snapshot;
using Waymark.Twins;
using Waymark.Twins.ClickHouse;
using Waymark.Twins.DuckDb;

namespace Waymark.Engine.Tests.Kernels.Retention;

public sealed class RetentionKernelTests
{
    [Fact]
    public void Cohort_CountsOnlyItsSubjects_EvenWhenTheDataReachesFurther()
    {
        // s1 (pro): signup d0, use d1. s2 (free): signup d0, use d2. Pro only: cohort d0 = {s1};
        // the data (s2's use) still reaches d2, so the row has three cells.
        var builder = new EventLog.Builder(SubjectKind.Person);
        builder.AddEvent("s1", Some.Day0, "signup");
        builder.AddEvent("s1", Some.Day0 + Some.Day, "use");
        builder.AddEvent("s2", Some.Day0, "signup");
        builder.AddEvent("s2", Some.Day0 + (2 * Some.Day), "use");
        builder.SetTraits("s1", """{"plan":"pro"}""");
        builder.SetTraits("s2", """{"plan":"free"}""");
        var query = new RetentionQuery(EventCondition.Named("signup"), EventCondition.Named("use"), PeriodUnit.Day, 5);

        var result = RetentionKernel.Run(builder.Build(), query, new QueryScope(new Cohort([PropertyFilter.Equal("plan", "pro")]), TimeRange.All));

        Assert.Equal(["2026-01-01 1: 0 1 0", "2026-01-02 0: 0 0", "2026-01-03 0: 0", "all: 0/1 1/1 0/1"], RetentionSuite.Describe(result));
    }

    [Theory]
    [InlineData(1UL, SubjectKind.Person, PeriodUnit.Day, RetentionMode.FirstTime)]
    [InlineData(2UL, SubjectKind.Person, PeriodUnit.Week, RetentionMode.Recurring)]
    [InlineData(3UL, SubjectKind.Account, PeriodUnit.Month, RetentionMode.FirstTime)]
    [InlineData(4UL, SubjectKind.Account, PeriodUnit.Day, RetentionMode.Recurring)]
    public void SimulatedCompany_EngineEqualsDuckDb(ulong seed, SubjectKind kind, PeriodUnit unit, RetentionMode mode)
    {
        var events = TwinEvents.Simulate(seed, accounts: 30, kind);
        var names = Timeline.TopNames(events, 6);
        var query = new RetentionQuery(EventCondition.Named(names[5]), EventCondition.Named(names[1]), unit, 12, mode, DayOfWeek.Wednesday);
        var range = new TimeRange(events.Events.Min(e => e.Time) + (3 * Some.Day), events.Events.Max(e => e.Time) - (5 * Some.Day));
        using var duck = events.ToDuckDb();

        var engine = RetentionKernel.Run(events.ToEventLog(partitionTarget: 1500), query, new QueryScope(Cohort.Everyone, range));

        Assert.Equal(RetentionSuite.Describe(RetentionSql.Run(duck, query, range)), RetentionSuite.Describe(engine));
        Assert.Contains(engine.Cohorts, c => c.Cells.Skip(1).Any(cell => cell.Returned > 0));
    }

    [Fact]
    public void LateEvents_JoinTheirPeriods()
    {
        var events = TwinEvents.Simulate(6, accounts: 20, SubjectKind.Person);
        var names = Timeline.TopNames(events, 6);
        var log = events.ToEventLog(partitionTarget: 1000);
        var late = events.Events.Where((e, i) => i % 5 == 0).Select(e => e with { Time = e.Time - (3 * Some.Day), Name = names[5] }).ToList();
        var builder = EventLog.Builder.From(log);
        foreach (var e in late)
        {
            builder.AddEvent(e.Subject, e.Time, e.Name, e.Properties);
        }

        using var duck = new TwinEvents(SubjectKind.Person, [.. events.Events, .. late]).ToDuckDb();
        var query = new RetentionQuery(EventCondition.Named(names[5]), EventCondition.Named(names[0]), PeriodUnit.Week, 8);

        Assert.Equal(RetentionSuite.Describe(RetentionSql.Run(duck, query, TimeRange.All)),
            RetentionSuite.Describe(RetentionKernel.Run(builder.Build(), query, QueryScope.Everything)));
    }
}

[Collection(ChDbCollection.Name)]
public sealed class RetentionClickHouseTwinTests(ClickHouseFixture clickHouse)
{
    [Theory]
    [InlineData(1UL, SubjectKind.Person, PeriodUnit.Day, RetentionMode.FirstTime)]
    [InlineData(2UL, SubjectKind.Person, PeriodUnit.Week, RetentionMode.Recurring)]
    [InlineData(3UL, SubjectKind.Account, PeriodUnit.Month, RetentionMode.Recurring)]
    public void SimulatedCompany_EngineEqualsClickHouseRetention(ulong seed, SubjectKind kind, PeriodUnit unit, RetentionMode mode)
    {
        var events = TwinEvents.Simulate(seed, accounts: 25, kind);
        var names = Timeline.TopNames(events, 6);
        var query = new RetentionQuery(EventCondition.Named(names[4]), EventCondition.Named(names[2]), unit, 10, mode);
        clickHouse.Load(events);

        var engine = RetentionKernel.Run(events.ToEventLog(partitionTarget: 1500), query, QueryScope.Everything);

        Assert.Equal(RetentionSuite.Describe(RetentionClickHouse.Run(clickHouse.Session, query, TimeRange.All)), RetentionSuite.Describe(engine));
    }
}
