namespace Waymark.Engine.Snapshot;

/// <summary>
/// A half-open range of event times in UTC milliseconds since the Unix epoch: <see cref="From"/>
/// included, <see cref="To"/> excluded. Kernels ignore events outside it, as a SQL <c>WHERE</c> would.
/// </summary>
/// <param name="From">The first millisecond included.</param>
/// <param name="To">The first millisecond excluded.</param>
public readonly record struct TimeRange(long From, long To)
{
    /// <summary>Every time.</summary>
    public static TimeRange All { get; } = new(long.MinValue, long.MaxValue);

    /// <summary>The range from one UTC time (included) to another (excluded).</summary>
    public static TimeRange Between(DateTime from, DateTime to) => new(ToMilliseconds(from), ToMilliseconds(to));

    /// <summary>True when <paramref name="time"/> falls inside the range.</summary>
    public bool Contains(long time) => time >= From && time < To;

    /// <summary>True when the range holds every time.</summary>
    public bool IsAll => From == long.MinValue && To == long.MaxValue;

    /// <summary>Milliseconds since the Unix epoch of a UTC time.</summary>
    public static long ToMilliseconds(DateTime utc) => (utc.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMillisecond;

    /// <summary>The UTC time of milliseconds since the Unix epoch.</summary>
    public static DateTime ToDateTime(long milliseconds) =>
        new(DateTime.UnixEpoch.Ticks + (milliseconds * TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
}
