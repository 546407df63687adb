using System.Globalization;
using Waymark.Core.Errors;

namespace Waymark.Core.Conditions;

/// <summary>
/// Durations as maps and commands write them: a whole number and a unit — <c>ms</c>, <c>s</c>,
/// <c>m</c> (minutes), <c>h</c>, <c>d</c>, <c>w</c> — such as <c>7d</c>, <c>36h</c>, <c>90s</c>.
/// Several parts may follow each other (<c>1d12h</c>).
/// </summary>
public static class Durations
{
    /// <summary>Parses a duration; throws <see cref="SyntaxException"/> naming the position otherwise.</summary>
    public static TimeSpan Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var total = TimeSpan.Zero;
        var i = 0;
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            throw new SyntaxException(text, 0, "a duration such as 30d, 12h, 15m or 90s");
        }

        while (i < trimmed.Length)
        {
            var start = i;
            while (i < trimmed.Length && char.IsAsciiDigit(trimmed[i]))
            {
                i++;
            }

            if (i == start || !long.TryParse(trimmed.AsSpan(start, i - start), NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
            {
                throw new SyntaxException(trimmed, start, "a whole number (as in 30d)");
            }

            var unitStart = i;
            while (i < trimmed.Length && char.IsAsciiLetter(trimmed[i]))
            {
                i++;
            }

            total += trimmed[unitStart..i] switch
            {
                "ms" => TimeSpan.FromMilliseconds(amount),
                "s" => TimeSpan.FromSeconds(amount),
                "m" => TimeSpan.FromMinutes(amount),
                "h" => TimeSpan.FromHours(amount),
                "d" => TimeSpan.FromDays(amount),
                "w" => TimeSpan.FromDays(7 * amount),
                _ => throw new SyntaxException(trimmed, unitStart, "a unit: ms, s, m, h, d or w"),
            };
        }

        return total;
    }

    /// <summary>Writes a duration in the largest units that divide it exactly (<c>30d</c>, <c>1d12h</c>, <c>0s</c>).</summary>
    public static string Format(TimeSpan duration)
    {
        if (duration == TimeSpan.Zero)
        {
            return "0s";
        }

        var sign = duration < TimeSpan.Zero ? "-" : "";
        var ms = Math.Abs((long)duration.TotalMilliseconds);
        var parts = new System.Text.StringBuilder(sign);
        foreach (var (unit, size) in Units)
        {
            if (ms >= size)
            {
                parts.Append((ms / size).ToString(CultureInfo.InvariantCulture)).Append(unit);
                ms %= size;
            }
        }

        return parts.ToString();
    }

    private static readonly (string Unit, long Size)[] Units =
        [("d", 86_400_000), ("h", 3_600_000), ("m", 60_000), ("s", 1_000), ("ms", 1)];
}
