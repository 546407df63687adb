using System.Globalization;
using Waymark.Core.Conditions;
using Waymark.Engine.Kernels.Periods;
using Waymark.Engine.Snapshot;

namespace Waymark.Twins;

/// <summary>
/// Small pieces of SQL shared by the DuckDB and ClickHouse twins: literals, the name test of an
/// event condition, the time range, and period numbers (computed in SQL, independently of the
/// engine's calendar) for times from 1970 on.
/// </summary>
public static class TwinSql
{
    /// <summary>A quoted SQL string literal.</summary>
    public static string Literal(string text) => "'" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>The test of a condition made of an event name only; twins do not translate property filters.</summary>
    /// <exception cref="NotSupportedException">The condition has property filters or no name.</exception>
    public static string NameTest(EventCondition condition, string column = "name")
    {
        ArgumentNullException.ThrowIfNull(condition);
        if (condition.Event is null || condition.Where.Count > 0)
        {
            throw new NotSupportedException($"The SQL twins take conditions on an event name only; got '{condition}'.");
        }

        return $"{column} = {Literal(condition.Event)}";
    }

    /// <summary>The range test on the <c>ms</c> column (true for all time).</summary>
    public static string RangeTest(TimeRange range, string column = "ms") => range.IsAll ? "true"
        : string.Create(CultureInfo.InvariantCulture, $"{column} >= {range.From} AND {column} < {range.To}");

    /// <summary>
    /// The number of the period holding <c>ms</c>, counted from 1970: days since the epoch, weeks
    /// since the first <paramref name="weekStart"/> before it, or year × 12 + month − 1.
    /// </summary>
    /// <param name="unit">The period unit.</param>
    /// <param name="weekStart">The first day of a week.</param>
    /// <param name="ms">Milliseconds since the epoch (an integer expression).</param>
    /// <param name="year">The year of the same time (for months).</param>
    /// <param name="month">Its month, 1 to 12 (for months).</param>
    /// <param name="clickHouse">True for ClickHouse's <c>intDiv</c>, false for DuckDB's <c>//</c>.</param>
    public static string PeriodNumber(PeriodUnit unit, DayOfWeek weekStart, string ms, string year, string month, bool clickHouse)
    {
        string Div(string a, string b) => clickHouse ? $"intDiv({a}, {b})" : $"(({a}) // {b})";
        return unit switch
        {
            // Day 0 (1970-01-01) was a Thursday (4): day d is in week (d + 4 − weekStart + 7) / 7, rounded down.
            PeriodUnit.Day => Div(ms, "86400000"),
            PeriodUnit.Week => Div($"{Div(ms, "86400000")} + {11 - (int)weekStart}", "7"),
            _ => $"({year} * 12 + {month} - 1)",
        };
    }

    /// <summary>The UTC start of a period number made by <see cref="PeriodNumber"/>.</summary>
    public static DateTime PeriodStart(PeriodUnit unit, DayOfWeek weekStart, long number) => unit switch
    {
        PeriodUnit.Day => DateTime.UnixEpoch.AddDays(number),
        PeriodUnit.Week => DateTime.UnixEpoch.AddDays((number * 7) - 11 + (int)weekStart),
        _ => new DateTime((int)(number / 12), (int)(number % 12) + 1, 1, 0, 0, 0, DateTimeKind.Utc),
    };
}
