using System.Globalization;

namespace Waymark.Core.Model;

/// <summary>
/// Waymark's one rule for time: UTC, millisecond precision. Every reader normalises through
/// here so that the same instant from two sources is the same value.
/// </summary>
public static class Timestamps
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd HH:mmK",
        "yyyy-MM-dd",
    ];

    /// <summary>Converts to UTC and truncates to whole milliseconds; an unspecified kind is taken as UTC.</summary>
    public static DateTime Normalize(DateTime time)
    {
        var utc = time.Kind switch
        {
            DateTimeKind.Utc => time,
            DateTimeKind.Local => time.ToUniversalTime(),
            _ => DateTime.SpecifyKind(time, DateTimeKind.Utc),
        };
        return new DateTime(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
    }

    /// <summary>Converts to UTC and truncates to whole milliseconds.</summary>
    public static DateTime Normalize(DateTimeOffset time) => Normalize(time.UtcDateTime);

    /// <summary>
    /// Parses an ISO 8601 time (<c>T</c> or a space between date and time, optional fraction,
    /// <c>Z</c> or an offset; no offset means UTC) into a normalised UTC time.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, out DateTime time)
    {
        text = text.Trim();
        if (DateTimeOffset.TryParseExact(text, Formats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var parsed))
        {
            time = Normalize(parsed);
            return true;
        }

        time = default;
        return false;
    }

    /// <summary>Converts Unix epoch milliseconds to a normalised UTC time; false when out of range.</summary>
    public static bool TryFromUnixMilliseconds(long milliseconds, out DateTime time)
    {
        if (milliseconds < -62135596800000L || milliseconds > 253402300799999L)
        {
            time = default;
            return false;
        }

        time = DateTime.UnixEpoch.AddTicks(milliseconds * TimeSpan.TicksPerMillisecond);
        return true;
    }

    /// <summary>Formats as <c>yyyy-MM-ddTHH:mm:ss.fffZ</c>.</summary>
    public static string Format(DateTime time) =>
        Normalize(time).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Unix epoch milliseconds of a time.</summary>
    public static long ToUnixMilliseconds(DateTime time) => (Normalize(time).Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMillisecond;
}
