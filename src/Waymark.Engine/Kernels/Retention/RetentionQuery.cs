using Waymark.Core.Conditions;
using Waymark.Engine.Kernels.Periods;

namespace Waymark.Engine.Kernels.Retention;

/// <summary>Who enters a retention cohort, and how often.</summary>
public enum RetentionMode
{
    /// <summary>A subject enters once: the cohort of the period of its first start event in the time range.</summary>
    FirstTime,

    /// <summary>
    /// A subject enters the cohort of every period in which it did the start event (Amplitude's and
    /// PostHog's "recurring" retention), and may therefore count in many cohorts.
    /// </summary>
    Recurring,
}

/// <summary>
/// A retention question: subjects grouped into cohorts by the period in which they did the start
/// event, and for each cohort, how many of them did the return event in the same period (period
/// 0) and in each of the following periods.
/// </summary>
public sealed class RetentionQuery
{
    /// <summary>The most later periods a query may follow.</summary>
    public const int MaxPeriods = 1000;

    /// <summary>Creates the query.</summary>
    /// <param name="start">The event that puts a subject into a cohort.</param>
    /// <param name="return">The event that counts as a return.</param>
    /// <param name="unit">Days, weeks or months (UTC).</param>
    /// <param name="periods">How many periods after the cohort's own to follow (0 to <see cref="MaxPeriods"/>).</param>
    /// <param name="mode">First-time or recurring cohorts.</param>
    /// <param name="weekStart">The first day of a week when <paramref name="unit"/> is weeks; Monday by default.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="periods"/> is out of range or <paramref name="unit"/>, <paramref name="mode"/> or <paramref name="weekStart"/> is not defined.</exception>
    public RetentionQuery(EventCondition start, EventCondition @return, PeriodUnit unit, int periods,
        RetentionMode mode = RetentionMode.FirstTime, DayOfWeek weekStart = DayOfWeek.Monday)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(@return);
        ArgumentOutOfRangeException.ThrowIfNegative(periods);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(periods, MaxPeriods);
        if (!Enum.IsDefined(unit) || !Enum.IsDefined(mode) || !Enum.IsDefined(weekStart))
        {
            throw new ArgumentOutOfRangeException(nameof(unit), $"Expected a defined period unit, mode and week start; got {unit}, {mode}, {weekStart}.");
        }

        Start = start;
        Return = @return;
        Unit = unit;
        Periods = periods;
        Mode = mode;
        WeekStart = weekStart;
    }

    /// <summary>The event that puts a subject into a cohort.</summary>
    public EventCondition Start { get; }

    /// <summary>The event that counts as a return.</summary>
    public EventCondition Return { get; }

    /// <summary>The period unit.</summary>
    public PeriodUnit Unit { get; }

    /// <summary>How many periods after the cohort's own are followed; results have up to <c>Periods + 1</c> columns.</summary>
    public int Periods { get; }

    /// <summary>First-time or recurring cohorts.</summary>
    public RetentionMode Mode { get; }

    /// <summary>The first day of a week (for <see cref="PeriodUnit.Week"/>).</summary>
    public DayOfWeek WeekStart { get; }
}
