using System.Text;
using Waymark.Core.Model;

namespace Waymark.Formats.Text;

/// <summary>
/// Parses ISO 8601 times straight from UTF-8 bytes. The common shapes
/// (<c>yyyy-MM-dd</c>, then <c>T</c> or a space and <c>HH:mm</c>, optional <c>:ss</c> and a
/// fraction of 1–7 digits, then nothing, <c>Z</c> or <c>±HH:mm</c>) are parsed here without
/// allocating; anything else goes to <see cref="Timestamps.TryParse"/>, which stays the one rule,
/// so both paths accept the same texts and give the same UTC millisecond values.
/// </summary>
internal static class Utf8Time
{
    /// <summary>Parses an ISO 8601 time into normalised UTC; no offset means UTC.</summary>
    public static bool TryParse(ReadOnlySpan<byte> text, out DateTime time)
    {
        if (TryParseFast(text, out time))
        {
            return true;
        }

        if (text.Length > 64)
        {
            return false;
        }

        Span<char> chars = stackalloc char[64];
        var status = Encoding.UTF8.TryGetChars(text, chars, out var written);
        return status && Timestamps.TryParse(chars[..written], out time);
    }

    private static bool TryParseFast(ReadOnlySpan<byte> s, out DateTime time)
    {
        time = default;
        if (s.Length < 10 || s[4] != '-' || s[7] != '-'
            || !Digits(s, 0, 4, out var year) || !Digits(s, 5, 2, out var month) || !Digits(s, 8, 2, out var day))
        {
            return false;
        }

        int hour = 0, minute = 0, second = 0;
        long fraction = 0;
        var i = 10;
        if (s.Length > 10)
        {
            if ((s[10] != 'T' && s[10] != ' ') || s.Length < 16 || s[13] != ':'
                || !Digits(s, 11, 2, out hour) || !Digits(s, 14, 2, out minute))
            {
                return false;
            }

            i = 16;
            if (i < s.Length && s[i] == ':')
            {
                if (s.Length < 19 || !Digits(s, 17, 2, out second))
                {
                    return false;
                }

                i = 19;
                if (i < s.Length && s[i] == '.' && !Fraction(s, ref i, out fraction))
                {
                    return false;
                }
            }
        }

        if (!Offset(s[i..], out var offsetMinutes) || year < 1 || month is < 1 or > 12 || hour > 23 || minute > 59 || second > 59
            || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        var ticks = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).Ticks + fraction
            - (offsetMinutes * TimeSpan.TicksPerMinute);
        if (ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks)
        {
            return false;
        }

        time = new DateTime(ticks - (ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
        return true;
    }

    // A fraction of 1 to 7 digits after the dot at s[i], as ticks.
    private static bool Fraction(ReadOnlySpan<byte> s, ref int i, out long ticks)
    {
        ticks = 0;
        var start = ++i;
        while (i < s.Length && (uint)(s[i] - '0') <= 9)
        {
            ticks = (ticks * 10) + (s[i] - '0');
            i++;
        }

        var count = i - start;
        if (count is < 1 or > 7)
        {
            return false;
        }

        for (var k = count; k < 7; k++)
        {
            ticks *= 10;
        }

        return true;
    }

    // Nothing (UTC), Z, or ±HH:mm, in minutes east of UTC.
    private static bool Offset(ReadOnlySpan<byte> s, out int minutes)
    {
        minutes = 0;
        if (s.IsEmpty || (s.Length == 1 && s[0] == 'Z'))
        {
            return true;
        }

        if (s.Length != 6 || (s[0] != '+' && s[0] != '-') || s[3] != ':'
            || !Digits(s, 1, 2, out var hours) || !Digits(s, 4, 2, out var mins) || hours > 14 || mins > 59)
        {
            return false;
        }

        minutes = (s[0] == '-' ? -1 : 1) * ((hours * 60) + mins);
        return true;
    }

    private static bool Digits(ReadOnlySpan<byte> s, int at, int count, out int value)
    {
        value = 0;
        for (var k = at; k < at + count; k++)
        {
            var d = (uint)(s[k] - '0');
            if (d > 9)
            {
                return false;
            }

            value = (value * 10) + (int)d;
        }

        return true;
    }
}
