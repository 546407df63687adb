using Waymark.Core.Conditions;
using Waymark.Engine.Execution;
using Waymark.Engine.Kernels.Periods;
using Waymark.Engine.Kernels.Retention;
using Waymark.Engine.Snapshot;
using Waymark.Twins;
using Waymark.Twins.ClickHouse;
using Waymark.Twins.DuckDb;

namespace Waymark.Engine.Tests.Kernels.Retention;

/// <summary>
/// Retention triangles worked out by hand, against the engine, DuckDB SQL and ClickHouse's
/// <c>retention</c>. Day 0 is Thursday 2026-01-01; start event "signup", return event "use".
/// </summary>
public abstract class RetentionSuite
{
    // s1: signup d0, use d0.5 and d2. s2: signup d1, use d1.2 and d2. s3: signup d0 and d2, use d3.
    // s4: use d0 only (never in a cohort). The data reaches d0 to d3.
    private static readonly TwinEvents Days = Timeline.Days(
        ("s1", 0, "signup"), ("s1", 0.5, "use"), ("s1", 2, "use"),
        ("s2", 1, "signup"), ("s2", 1.2, "use"), ("s2", 2, "use"),
        ("s3", 0, "signup"), ("s3", 2, "signup"), ("s3", 3, "use"),
        ("s4", 0, "use"));

    protected abstract RetentionResult Run(TwinEvents events, RetentionQuery query, TimeRange range);

    private static RetentionQuery Query(PeriodUnit unit, int periods, RetentionMode mode = RetentionMode.FirstTime, DayOfWeek weekStart = DayOfWeek.Monday) =>
        new(EventCondition.Named("signup"), EventCondition.Named("use"), unit, periods, mode, weekStart);

    [Fact]
    public void FirstTime_Days_GivesTheTriangle()
    {
        // Cohort d0 = {s1, s3}: d0 s1 (d0.5), d1 nobody, d2 s1. Cohort d1 = {s2}: d1, d2, not d3.
        // Cohorts d2 and d3 are empty; d2 has cells d2, d3 only and d3 one cell (the data ends at d3).
        // Overall per offset: sizes of cohorts with that cell (3, 3, 3), returns added up.
        Assert.Equal(
            ["2026-01-01 2: 1 0 1", "2026-01-02 1: 1 1 0", "2026-01-03 0: 0 0", "2026-01-04 0: 0", "all: 2/3 1/3 1/3"],
            Describe(Run(Days, Query(PeriodUnit.Day, 2), TimeRange.All)));
    }

    [Fact]
    public void Recurring_Days_CountsEveryStartPeriod()
    {
        // s3 also enters cohort d2 (its second signup), and returns in d3 = offset 1 of it.
        Assert.Equal(
            ["2026-01-01 2: 1 0 1", "2026-01-02 1: 1 1 0", "2026-01-03 1: 0 1", "2026-01-04 0: 0", "all: 2/4 2/4 1/3"],
            Describe(Run(Days, Query(PeriodUnit.Day, 2, RetentionMode.Recurring), TimeRange.All)));
    }

    [Fact]
    public void TimeRange_FirstStartIsTheFirstInsideTheRange()
    {
        // From d1 on: s1's and s3's d0 signups are cut; s3's first signup is now d2. s1 never signs up.
        // Cohort d1 = {s2}: d1 yes, d2 yes, d3 no. Cohort d2 = {s3}: d2 no, d3 yes.
        Assert.Equal(
            ["2026-01-02 1: 1 1 0", "2026-01-03 1: 0 1", "2026-01-04 0: 0", "all: 1/2 2/2 0/1"],
            Describe(Run(Days, Query(PeriodUnit.Day, 2), new TimeRange(Some.Day0 + Some.Day, long.MaxValue))));
    }

    [Fact]
    public void Weeks_StartOnTheChosenDay()
    {
        // signup Thursday d0, use Sunday d3. Weeks from Monday: the same week (Dec 29), offset 0.
        // Weeks from Sunday: Dec 28 then Jan 4, offset 1.
        var events = Timeline.Days(("s1", 0, "signup"), ("s1", 3, "use"));
        Assert.Equal(["2025-12-29 1: 1", "all: 1/1"], Describe(Run(events, Query(PeriodUnit.Week, 1), TimeRange.All)));
        Assert.Equal(["2025-12-28 1: 0 1", "2026-01-04 0: 0", "all: 0/1 1/1"],
            Describe(Run(events, Query(PeriodUnit.Week, 1, weekStart: DayOfWeek.Sunday), TimeRange.All)));
    }

    [Fact]
    public void Months_AreCalendarMonths()
    {
        // signup Jan 31 23:00, use Feb 1 01:00 (two hours later, but the next month), use Mar 31.
        var events = Timeline.Days(("s1", 30 + (23 / 24.0), "signup"), ("s1", 31 + (1 / 24.0), "use"), ("s1", 31 + 28 + 30, "use"));
        Assert.Equal(["2026-01-01 1: 0 1 1", "2026-02-01 0: 0 0", "2026-03-01 0: 0", "all: 0/1 1/1 1/1"],
            Describe(Run(events, Query(PeriodUnit.Month, 3), TimeRange.All)));
    }

    [Fact]
    public void EmptyRange_GivesNoCohorts()
    {
        var result = Run(Days, Query(PeriodUnit.Day, 2), new TimeRange(Some.Day0 + 5, Some.Day0 + 5));
        Assert.Empty(result.Cohorts);
        Assert.Empty(result.Overall);
    }

    /// <summary>One line per cohort, "start size: returns per offset", then "all: returned/size per offset".</summary>
    internal static List<string> Describe(RetentionResult result) =>
    [
        .. result.Cohorts.Select(c => $"{c.Start:yyyy-MM-dd} {c.Size}: {string.Join(" ", c.Cells.Select(cell => cell.Returned))}"),
        $"all: {string.Join(" ", result.Overall.Select(c => $"{c.Returned}/{c.Size}"))}",
    ];
}

public sealed class RetentionEngineTests : RetentionSuite
{
    protected override RetentionResult Run(TwinEvents events, RetentionQuery query, TimeRange range) =>
        RetentionKernel.Run(events.ToEventLog(), query, new QueryScope(Cohort.Everyone, range));
}

public sealed class RetentionDuckDbTests : RetentionSuite
{
    protected override RetentionResult Run(TwinEvents events, RetentionQuery query, TimeRange range)
    {
        using var duck = events.ToDuckDb();
        return RetentionSql.Run(duck, query, range);
    }
}

[Collection(ChDbCollection.Name)]
public sealed class RetentionClickHouseTests(ClickHouseFixture clickHouse) : RetentionSuite
{
    protected override RetentionResult Run(TwinEvents events, RetentionQuery query, TimeRange range)
    {
        clickHouse.Load(events);
        return RetentionClickHouse.Run(clickHouse.Session, query, range);
    }
}
