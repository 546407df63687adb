using Waymark.Core.Conditions;
using Waymark.Engine.Kernels.Periods;

namespace Waymark.Engine.Kernels.Frequency;

/// <summary>
/// How often subjects do something per period: for each period, how many subjects did the event
/// exactly once, twice, three times, … in it.
/// </summary>
public sealed class FrequencyQuery
{
    /// <summary>The largest <see cref="MaxCount"/> allowed.</summary>
    public const int MaxCountLimit = 10_000;

    /// <summary>Creates the query.</summary>
    /// <param name="event">The events counted.</param>
    /// <param name="unit">Days, weeks or months (UTC).</param>
    /// <param name="maxCount">The last count with a bucket of its own; subjects with more events fall into it too ("<c>maxCount</c> or more"). 1 to <see cref="MaxCountLimit"/>.</param>
    /// <param name="weekStart">The first day of a week when <paramref name="unit"/> is weeks; Monday by default.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxCount"/> is out of range, or <paramref name="unit"/> or <paramref name="weekStart"/> is not defined.</exception>
    public FrequencyQuery(EventCondition @event, PeriodUnit unit, int maxCount = 30, DayOfWeek weekStart = DayOfWeek.Monday)
    {
        ArgumentNullException.ThrowIfNull(@event);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxCount, MaxCountLimit);
        if (!Enum.IsDefined(unit) || !Enum.IsDefined(weekStart))
        {
            throw new ArgumentOutOfRangeException(nameof(unit), $"Expected a defined period unit and week start; got {unit}, {weekStart}.");
        }

        Event = @event;
        Unit = unit;
        MaxCount = maxCount;
        WeekStart = weekStart;
    }

    /// <summary>The events counted.</summary>
    public EventCondition Event { get; }

    /// <summary>The period unit.</summary>
    public PeriodUnit Unit { get; }

    /// <summary>The last count with its own bucket; the bucket also holds every larger count.</summary>
    public int MaxCount { get; }

    /// <summary>The first day of a week (for <see cref="PeriodUnit.Week"/>).</summary>
    public DayOfWeek WeekStart { get; }
}
