using Waymark.Engine.Snapshot;

namespace Waymark.Engine.Kernels.Periods;

/// <summary>
/// Consecutive UTC periods covering a span of time, with their boundaries worked out once so that
/// kernels place sorted event times into periods by walking the boundaries (see
/// <see cref="PeriodCursor"/>), never by calendar arithmetic per event. Period <c>i</c> runs from
/// <see cref="StartOf"/>(i) (included) to <see cref="StartOf"/>(i + 1) (excluded).
/// </summary>
public sealed class PeriodCalendar
{
    private const long Day = 86_400_000;
    private const int MaxTableDays = 1 << 20;
    private readonly long[] _bounds;
    private readonly int[]? _periodOfDay;

    private PeriodCalendar(PeriodUnit unit, DayOfWeek weekStart, long[] bounds)
    {
        Unit = unit;
        WeekStart = weekStart;
        _bounds = bounds;
        _periodOfDay = DayTable(bounds);
    }

    /// <summary>The kind of period.</summary>
    public PeriodUnit Unit { get; }

    /// <summary>The first day of each week (only meaningful for <see cref="PeriodUnit.Week"/>).</summary>
    public DayOfWeek WeekStart { get; }

    /// <summary>How many periods the calendar holds.</summary>
    public int Count => _bounds.Length - 1;

    /// <summary>The boundaries: <see cref="Count"/> period starts and the end of the last period.</summary>
    internal long[] Bounds => _bounds;

    /// <summary>
    /// The periods from the one holding <paramref name="first"/> to the one holding
    /// <paramref name="last"/> (UTC milliseconds, both included); none when <paramref name="last"/> is before <paramref name="first"/>.
    /// </summary>
    public static PeriodCalendar Covering(PeriodUnit unit, DayOfWeek weekStart, long first, long last)
    {
        if (last < first)
        {
            return new PeriodCalendar(unit, weekStart, [0]);
        }

        var bounds = new List<long> { StartContaining(unit, weekStart, first) };
        while (bounds[^1] <= last)
        {
            bounds.Add(Next(unit, bounds[^1]));
        }

        return new PeriodCalendar(unit, weekStart, [.. bounds]);
    }

    /// <summary>The start of period <paramref name="index"/>, UTC milliseconds.</summary>
    public long StartOf(int index) => _bounds[index];

    /// <summary>The start of period <paramref name="index"/> as a UTC time.</summary>
    public DateTime StartDate(int index) => TimeRange.ToDateTime(_bounds[index]);

    /// <summary>The period holding <paramref name="time"/>: -1 before the first, <see cref="Count"/> after the last.</summary>
    public int IndexOf(long time)
    {
        if (time < _bounds[0])
        {
            return -1;
        }

        if (_periodOfDay is { } table && time < _bounds[^1])
        {
            // Every bound is a UTC midnight: the day since the first bound decides the period.
            return table[(int)((time - _bounds[0]) / Day)];
        }

        // The last bound not after the time.
        var index = Array.BinarySearch(_bounds, time);
        return index >= 0 ? index : ~index - 1;
    }

    /// <summary>The start of the period of <paramref name="unit"/> holding <paramref name="time"/>, UTC milliseconds.</summary>
    public static long StartContaining(PeriodUnit unit, DayOfWeek weekStart, long time)
    {
        var day = Math.DivRem(time, Day, out var rest) - (rest < 0 ? 1 : 0);
        switch (unit)
        {
            case PeriodUnit.Day:
                return day * Day;
            case PeriodUnit.Week:
                // 1970-01-01 was a Thursday.
                var weekday = (int)(((day + (int)DayOfWeek.Thursday) % 7 + 7) % 7);
                return (day - (((weekday - (int)weekStart) % 7 + 7) % 7)) * Day;
            default:
                var date = DateTime.UnixEpoch.AddDays(day);
                return TimeRange.ToMilliseconds(new DateTime(date.Year, date.Month, 1, 0, 0, 0, DateTimeKind.Utc));
        }
    }

    /// <summary>The period of each day the calendar covers, when they are not too many to list.</summary>
    private static int[]? DayTable(long[] bounds)
    {
        var days = (bounds[^1] - bounds[0]) / Day;
        if (bounds.Length < 2 || days > MaxTableDays)
        {
            return null;
        }

        var table = new int[days];
        for (var period = 0; period < bounds.Length - 1; period++)
        {
            var first = (int)((bounds[period] - bounds[0]) / Day);
            var last = (int)((bounds[period + 1] - bounds[0]) / Day);
            table.AsSpan(first, last - first).Fill(period);
        }

        return table;
    }

    private static long Next(PeriodUnit unit, long start) => unit switch
    {
        PeriodUnit.Day => start + Day,
        PeriodUnit.Week => start + (7 * Day),
        _ => TimeRange.ToMilliseconds(TimeRange.ToDateTime(start).AddMonths(1)),
    };
}
