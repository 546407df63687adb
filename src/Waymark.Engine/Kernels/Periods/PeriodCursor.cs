namespace Waymark.Engine.Kernels.Periods;

/// <summary>
/// Walks a <see cref="PeriodCalendar"/> forward with ascending times: placing a time costs one
/// comparison unless the period changes. Start it once per subject with <see cref="At"/>.
/// </summary>
internal struct PeriodCursor
{
    private readonly long[] _bounds;
    private long _end;

    private PeriodCursor(long[] bounds, int index)
    {
        _bounds = bounds;
        Index = index;
        _end = bounds[index + 1];
    }

    /// <summary>The current period.</summary>
    public int Index { get; private set; }

    /// <summary>A cursor on the period holding <paramref name="time"/>, which must lie inside the calendar.</summary>
    public static PeriodCursor At(PeriodCalendar calendar, long time) => new(calendar.Bounds, calendar.IndexOf(time));

    /// <summary>Moves to the period holding <paramref name="time"/> (not before the current one) and returns it.</summary>
    public int Place(long time)
    {
        if (time >= _end)
        {
            var index = Index;
            while (time >= _bounds[index + 1])
            {
                index++;
            }

            Index = index;
            _end = _bounds[index + 1];
        }

        return Index;
    }
}
