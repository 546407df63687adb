using System.CommandLine;
using Spectre.Console;
using Waymark.Engine.Kernels.Durations;
using Waymark.Engine.Kernels.Statistics;

namespace Waymark.Cli.Commands.Analysis;

/// <summary>
/// <c>waymark durations A B [C...]</c>: with two events, the time from A to B per subject; with
/// more, the time between consecutive milestones.
/// </summary>
internal static class DurationsCommand
{
    public static Command Create(Output output)
    {
        var events = new Argument<string[]>("events") { Description = "A and B (time from A to the next B), or milestones in order", Arity = new ArgumentArity(2, 64) };
        var lastFrom = new Option<bool>("--last-a") { Description = "Measure from the subject's last A instead of its first" };
        var lastTo = new Option<bool>("--last-b") { Description = "Measure to the last B after A instead of the first" };
        var bins = new Option<int>("--bins") { Description = "Histogram bins", DefaultValueFactory = _ => DurationStats.DefaultBins };
        var json = GlobalOptions.Json();
        var scope = new ScopeOptions();
        var command = new Command("durations", "Durations: time from A to B per subject, or between consecutive milestones") { events, lastFrom, lastTo, bins, json };
        scope.AddTo(command);
        command.SetAction(parse => WorkspaceRunner.Run(parse, output, workspace =>
        {
            var (kind, queryScope) = scope.Read(parse);
            var conditions = AnalysisOutput.Conditions(parse.GetValue(events)!);
            var asJson = parse.GetValue(json);
            if (conditions.Count == 2)
            {
                var query = new DurationQuery(queryScope, conditions[0], conditions[1])
                {
                    FromOccurrence = parse.GetValue(lastFrom) ? Occurrence.Last : Occurrence.First,
                    ToOccurrence = parse.GetValue(lastTo) ? Occurrence.Last : Occurrence.First,
                    HistogramBins = parse.GetValue(bins),
                };
                var result = workspace.Durations(kind, query);
                var asked = $"time from the {query.FromOccurrence.ToString().ToLowerInvariant()} {conditions[0]} to the {query.ToOccurrence.ToString().ToLowerInvariant()} {conditions[1]} after it";
                if (asJson)
                {
                    output.Json(AnalysisOutput.Envelope(workspace.Location, kind, queryScope, asked, result), AnalysisJsonContext.Default.AnalysisJsonDurationResult);
                }
                else
                {
                    output.Console.Write(Stats(Markup.Escape($"{asked}: {Numbers.Count(result.Completed)} of {Numbers.Count(result.Started)} subjects"), result.Times));
                }

                return ExitCodes.Ok;
            }

            var milestones = workspace.Milestones(kind, new MilestoneQuery(queryScope, conditions) { HistogramBins = parse.GetValue(bins) });
            if (asJson)
            {
                output.Json(AnalysisOutput.Envelope(workspace.Location, kind, queryScope, "time between milestones", milestones), AnalysisJsonContext.Default.AnalysisJsonMilestoneDurations);
                return ExitCodes.Ok;
            }

            var table = new Table().Title("time between consecutive milestones").AddColumn(new TableColumn("Milestone").NoWrap())
                .AddColumn(new TableColumn("Reached").RightAligned()).AddColumn(new TableColumn("Median").RightAligned())
                .AddColumn(new TableColumn("p75").RightAligned()).AddColumn(new TableColumn("p90").RightAligned());
            foreach (var stage in milestones.Stages)
            {
                table.AddRow(Markup.Escape(stage.Milestone.ToString()), Numbers.Count(stage.Reached), AnalysisOutput.Duration(stage.FromPrevious?.Median),
                    AnalysisOutput.Duration(stage.FromPrevious?.P75), AnalysisOutput.Duration(stage.FromPrevious?.P90));
            }

            table.AddRow("[bold]first to last[/]", Numbers.Count(milestones.Total?.Count ?? 0), AnalysisOutput.Duration(milestones.Total?.Median),
                AnalysisOutput.Duration(milestones.Total?.P75), AnalysisOutput.Duration(milestones.Total?.P90));
            output.Console.Write(table);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Table Stats(string title, DurationStats? stats)
    {
        var table = new Table().Title(title).AddColumn("").AddColumn(new TableColumn("").RightAligned()).HideHeaders();
        if (stats is null)
        {
            table.AddRow("no subject did both", "");
            return table;
        }

        table.AddRow("median", AnalysisOutput.Duration(stats.Median));
        table.AddRow("p75", AnalysisOutput.Duration(stats.P75));
        table.AddRow("p90", AnalysisOutput.Duration(stats.P90));
        table.AddRow("mean", AnalysisOutput.Duration(stats.Mean));
        table.AddRow("shortest", AnalysisOutput.Duration(stats.Min));
        table.AddRow("longest", AnalysisOutput.Duration(stats.Max));
        foreach (var bin in stats.Histogram)
        {
            table.AddRow($"{AnalysisOutput.Duration(bin.From)} – {AnalysisOutput.Duration(bin.To)}", Numbers.Count(bin.Count));
        }

        return table;
    }
}
