using System.CommandLine;
using Waymark.Core.Conditions;
using Waymark.Core.Errors;
using Waymark.Core.Model;
using Waymark.Engine.Execution;
using Waymark.Engine.Snapshot;

namespace Waymark.Cli.Commands.Analysis;

/// <summary>
/// The options every analysis command shares: whose journeys (<c>--by person|account</c>), which
/// subjects (<c>--cohort</c>, a trait filter list) and which events (<c>--from</c> included,
/// <c>--to</c> excluded, UTC).
/// </summary>
internal sealed class ScopeOptions
{
    public Option<SubjectKind> By { get; } = new("--by")
    {
        Description = "Whose journeys: person (each person, anonymous ids linked by identify) or account (events of all its people)",
        DefaultValueFactory = _ => SubjectKind.Person,
    };

    public Option<string?> Cohort { get; } = new("--cohort")
    {
        Description = "Only subjects whose traits match, e.g. 'segment=enterprise|mid-market,seats>=10'",
    };

    public Option<string?> From { get; } = new("--from") { Description = "Only events at or after this UTC time (ISO 8601, e.g. 2026-01-01)" };

    public Option<string?> To { get; } = new("--to") { Description = "Only events before this UTC time (ISO 8601)" };

    public void AddTo(Command command)
    {
        command.Options.Add(By);
        command.Options.Add(Cohort);
        command.Options.Add(From);
        command.Options.Add(To);
    }

    /// <summary>The subject kind and scope the options give; throws <see cref="SyntaxException"/> for bad text.</summary>
    public (SubjectKind Kind, QueryScope Scope) Read(ParseResult parse)
    {
        var cohort = ConditionText.ParseCohort(parse.GetValue(Cohort) ?? "");
        var from = Time(parse.GetValue(From), "--from", long.MinValue);
        var to = Time(parse.GetValue(To), "--to", long.MaxValue);
        return (parse.GetValue(By), new QueryScope(cohort, new TimeRange(from, to)));
    }

    private static long Time(string? text, string option, long unset)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return unset;
        }

        return Timestamps.TryParse(text, out var time)
            ? Timestamps.ToUnixMilliseconds(time)
            : throw new SyntaxException(text, 0, $"a UTC time for {option} such as 2026-01-31 or 2026-01-31T12:00:00Z");
    }
}
