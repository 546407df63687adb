using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Waymark.Cli.Commands.Analysis;
using Waymark.Core.Conditions;
using Waymark.Core.Errors;
using Waymark.Core.Model;
using Waymark.Journeys.Conformance;
using Waymark.Journeys.Instances;

namespace Waymark.Cli.Commands;

/// <summary>
/// <c>waymark journeys conformance | drift</c>: how actual journeys compare with the design, per
/// cohort, and how a journey changed between two periods.
/// </summary>
internal static class JourneyConformanceCommands
{
    private static Option<string?> CohortOption() => new("--cohort") { Description = "Only subjects whose traits match, e.g. segment=enterprise|mid-market" };

    public static Command Conformance(Output output)
    {
        var id = new Argument<string>("map") { Description = "The map's id" };
        var maps = JourneyStatusCommands.MapsOption();
        var at = JourneyStatusCommands.AtOption();
        var cohort = CohortOption();
        var json = GlobalOptions.Json();
        var command = new Command("conformance", "How instances follow the design: fitness, deviations, where customers leave, each milestone's actual time beside the expected")
            { id, maps, at, cohort, json };
        command.SetAction(parse => JourneyStatusCommands.WithMaps(parse, output, maps, null, (workspace, loaded) =>
        {
            var map = Find(loaded, parse.GetValue(id)!);
            var when = JourneyStatusCommands.At(workspace, map.Map, parse.GetValue(at)!);
            var instances = workspace.JourneyInstances(map.Map, when, map.Version, Cohort(parse.GetValue(cohort)));
            var report = JourneyConformance.Measure(map.Map, instances);
            if (parse.GetValue(json))
            {
                output.Json(report with { Fitness = [] }, JourneyJsonContext.Default.ConformanceReport);
                return ExitCodes.Ok;
            }

            output.Console.WriteLine($"{map.Map.Name}: {Numbers.Count(report.Instances)} instances at {Timestamps.Format(when)}; mean fitness {report.MeanFitness:0.00}; "
                + $"{AnalysisOutput.Percent(report.FollowingDesign)} follow the designed order; {Numbers.Count(report.Deviated)} deviated (off track); {Numbers.Count(report.Repeating)} went back to a milestone already reached");
            var table = new Table().AddColumn("Milestone").AddColumn(new TableColumn("Reached").RightAligned()).AddColumn(new TableColumn("Out of order").RightAligned())
                .AddColumn(new TableColumn("Skipped").RightAligned()).AddColumn(new TableColumn("Repeated").RightAligned()).AddColumn(new TableColumn("Median").RightAligned()).AddColumn(new TableColumn("p90").RightAligned())
                .AddColumn(new TableColumn("Expected").RightAligned()).AddColumn("From").AddColumn(new TableColumn("On time").RightAligned());
            foreach (var m in report.Milestones)
            {
                table.AddRow(Markup.Escape(m.Name), Numbers.Count(m.Reached), Numbers.Count(m.OutOfOrder), Numbers.Count(m.Skipped), Numbers.Count(m.Repeated), Span(m.MedianTime), Span(m.P90Time),
                    Span(m.Expected), Markup.Escape(m.CountsFrom), m.OnTimeShare is { } share ? AnalysisOutput.Percent(share) : "-");
            }

            output.Console.Write(table);
            foreach (var left in report.Left)
            {
                output.Console.WriteLine($"{Numbers.Count(left.Instances)} abandoned waiting for {left.MilestoneId ?? "nothing open"}");
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    public static Command Drift(Output output)
    {
        var id = new Argument<string>("map") { Description = "The map's id" };
        var maps = JourneyStatusCommands.MapsOption();
        var at = JourneyStatusCommands.AtOption();
        var first = new Option<string?>("--a") { Description = "Period A, by instance start: FROM..TO (UTC, TO excluded); default the 90 days before period B" };
        var second = new Option<string?>("--b") { Description = "Period B: FROM..TO; default the 90 days before --at" };
        var cohort = CohortOption();
        var top = new Option<int>("--top") { Description = "How many changes to list", DefaultValueFactory = _ => 10 };
        var json = GlobalOptions.Json();
        var command = new Command("drift", "Compare two periods of a journey: timings, conformance, top variants; says what changed most")
            { id, maps, at, first, second, cohort, top, json };
        command.SetAction(parse => JourneyStatusCommands.WithMaps(parse, output, maps, null, (workspace, loaded) =>
        {
            var map = Find(loaded, parse.GetValue(id)!);
            var when = JourneyStatusCommands.At(workspace, map.Map, parse.GetValue(at)!);
            var b = Period(parse.GetValue(second), "--b") ?? (when.AddDays(-90), when);
            var a = Period(parse.GetValue(first), "--a") ?? (b.From.AddDays(-90), b.From);
            var instances = workspace.JourneyInstances(map.Map, when, map.Version, Cohort(parse.GetValue(cohort)));
            var report = JourneyDrift.Compare(map.Map, In(instances, a), In(instances, b));
            if (parse.GetValue(json))
            {
                output.Json(new DriftJson(map.Map.Id, a.From, a.To, b.From, b.To, report.A.Instances, report.B.Instances,
                    [.. report.A.Variants], [.. report.B.Variants], [.. report.Changes.Take(parse.GetValue(top))]), JourneyJsonContext.Default.DriftJson);
                return ExitCodes.Ok;
            }

            output.Console.WriteLine($"{map.Map.Name}: A = {Numbers.Count(report.A.Instances)} instances started {Day(a.From)}..{Day(a.To)}, B = {Numbers.Count(report.B.Instances)} started {Day(b.From)}..{Day(b.To)}");
            if (report.Changes.Count > 0 && report.A.Instances > 0 && report.B.Instances > 0)
            {
                output.Console.WriteLine($"What changed most: {report.Changes[0].Text}");
            }

            var table = new Table().AddColumn("Change").AddColumn(new TableColumn("Size").RightAligned());
            foreach (var change in report.Changes.Take(parse.GetValue(top)))
            {
                table.AddRow(Markup.Escape(change.Text), change.Score.ToString("0.00", CultureInfo.InvariantCulture));
            }

            output.Console.Write(table);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static VersionedMap Find(IReadOnlyList<VersionedMap> loaded, string id) =>
        loaded.FirstOrDefault(m => m.Map.Id == id) ?? throw new ArgumentException($"no journey map '{id}'; the maps are: {string.Join(", ", loaded.Select(m => m.Map.Id))}");

    private static Cohort? Cohort(string? text) => string.IsNullOrWhiteSpace(text) ? null : ConditionText.ParseCohort(text);

    private static JourneyInstance[] In(IReadOnlyList<JourneyInstance> instances, (DateTime From, DateTime To) period) =>
        [.. instances.Where(i => i.Start >= period.From && i.Start < period.To)];

    private static (DateTime From, DateTime To)? Period(string? text, string option)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var parts = text.Split("..");
        if (parts.Length == 2 && Timestamps.TryParse(parts[0], out var from) && Timestamps.TryParse(parts[1], out var to) && from < to)
        {
            return (from, to);
        }

        throw new SyntaxException(text, 0, $"a period for {option} as FROM..TO with FROM before TO, such as 2025-01-01..2025-04-01");
    }

    private static string Span(TimeSpan? span) => span is { } s ? AnalysisOutput.Duration((long)s.TotalMilliseconds) : "-";

    private static string Day(DateTime time) => time.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
