using System.Globalization;
using Waymark.Core.Conditions;
using Waymark.Core.Errors;
using Waymark.Engine.Execution;
using Waymark.Engine.Kernels.Periods;
using Waymark.Engine.Snapshot;

namespace Waymark.Cli.Commands.Analysis;

/// <summary>Small helpers the analysis commands share: the JSON envelope, percentages, durations, conditions.</summary>
internal static class AnalysisOutput
{
    public static AnalysisJson<T> Envelope<T>(string database, SubjectKind kind, QueryScope scope, string query, T result) => new(
        database,
        kind.ToString().ToLowerInvariant(),
        scope.Cohort.ToString(),
        scope.Range.From == long.MinValue ? null : Time(scope.Range.From),
        scope.Range.To == long.MaxValue ? null : Time(scope.Range.To),
        query,
        result);

    public static string Time(long milliseconds) => Core.Model.Timestamps.Format(TimeRange.ToDateTime(milliseconds));

    public static string Percent(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    public static string Duration(long? milliseconds) => milliseconds is { } ms ? Durations.Format(TimeSpan.FromMilliseconds(RoundForPeople(ms))) : "-";

    public static string Duration(double? milliseconds) => milliseconds is { } ms ? Duration((long)Math.Round(ms)) : "-";

    public static string Period(DateTime start, PeriodUnit unit) => unit switch
    {
        PeriodUnit.Month => start.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        _ => start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    /// <summary>Parses event conditions given as arguments, naming the argument that does not parse.</summary>
    public static List<EventCondition> Conditions(IEnumerable<string> texts) => texts.Select(ConditionText.ParseEvent).ToList();

    public static PeriodUnit Unit(string text) => text.ToLowerInvariant() switch
    {
        "day" or "days" or "daily" => PeriodUnit.Day,
        "week" or "weeks" or "weekly" => PeriodUnit.Week,
        "month" or "months" or "monthly" => PeriodUnit.Month,
        _ => throw new SyntaxException(text, 0, "a period: day, week or month"),
    };

    public static DayOfWeek WeekStart(string text) =>
        Enum.TryParse<DayOfWeek>(text, ignoreCase: true, out var day) && Enum.IsDefined(day)
            ? day
            : throw new SyntaxException(text, 0, "a day of the week such as monday or sunday");

    /// <summary>Durations shown to people keep at most two units (3d4h, not 3d4h12m9s81ms).</summary>
    private static long RoundForPeople(long ms)
    {
        long[] units = [86_400_000, 3_600_000, 60_000, 1_000, 1];
        for (var i = 0; i < units.Length - 1; i++)
        {
            if (ms >= units[i])
            {
                return ms / units[i + 1] * units[i + 1];
            }
        }

        return ms;
    }
}
