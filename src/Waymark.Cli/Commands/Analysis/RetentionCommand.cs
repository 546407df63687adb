using System.CommandLine;
using Spectre.Console;
using Waymark.Core.Conditions;
using Waymark.Engine.Kernels.Retention;

namespace Waymark.Cli.Commands.Analysis;

/// <summary><c>waymark retention START RETURN</c>: cohorts by the first (or every) START per period, and their returns.</summary>
internal static class RetentionCommand
{
    public static Command Create(Output output)
    {
        var start = new Argument<string>("start") { Description = "The event that puts a subject into a cohort, e.g. contract_signed or 'trial_started[plan=pro]'" };
        var back = new Argument<string>("return") { Description = "The event that counts as a return, e.g. report_viewed" };
        var unit = new Option<string>("--unit") { Description = "Cohort and return periods: day, week or month (UTC)", DefaultValueFactory = _ => "week" };
        var periods = new Option<int>("--periods") { Description = "How many periods after the cohort's own to follow", DefaultValueFactory = _ => 8 };
        var recurring = new Option<bool>("--recurring") { Description = "Every START enters the cohort of its period (default: only the first START of each subject)" };
        var weekStart = new Option<string>("--week-start") { Description = "First day of a week", DefaultValueFactory = _ => "monday" };
        var json = GlobalOptions.Json();
        var scope = new ScopeOptions();
        var command = new Command("retention", "Retention: cohorts by when subjects first did START, and how many did RETURN in each later period")
        {
            start, back, unit, periods, recurring, weekStart, json,
        };
        scope.AddTo(command);
        command.SetAction(parse => WorkspaceRunner.Run(parse, output, workspace =>
        {
            var (kind, queryScope) = scope.Read(parse);
            var query = new RetentionQuery(
                ConditionText.ParseEvent(parse.GetValue(start)!),
                ConditionText.ParseEvent(parse.GetValue(back)!),
                AnalysisOutput.Unit(parse.GetValue(unit)!),
                parse.GetValue(periods),
                parse.GetValue(recurring) ? RetentionMode.Recurring : RetentionMode.FirstTime,
                AnalysisOutput.WeekStart(parse.GetValue(weekStart)!));
            var result = workspace.Retention(kind, query, queryScope);
            var asked = $"{query.Mode} retention of {query.Start} returning with {query.Return}, by {query.Unit}";
            if (parse.GetValue(json))
            {
                output.Json(AnalysisOutput.Envelope(workspace.Location, kind, queryScope, asked, result), AnalysisJsonContext.Default.AnalysisJsonRetentionResult);
            }
            else
            {
                Render(output.Console, asked, result);
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    private static void Render(IAnsiConsole console, string asked, RetentionResult result)
    {
        var offsets = result.Overall.Count;
        var table = new Table().Title(Markup.Escape(asked)).AddColumn(new TableColumn("Cohort").NoWrap()).AddColumn(new TableColumn("Subjects").RightAligned().NoWrap());
        for (var k = 0; k < offsets; k++)
        {
            table.AddColumn(new TableColumn(k.ToString(System.Globalization.CultureInfo.InvariantCulture)).RightAligned());
        }

        foreach (var cohort in result.Cohorts)
        {
            var row = new List<string> { AnalysisOutput.Period(cohort.Start, result.Unit), Numbers.Count(cohort.Size) };
            row.AddRange(Enumerable.Range(0, offsets).Select(k => k < cohort.Cells.Count ? AnalysisOutput.Percent(cohort.Cells[k].Share) : ""));
            table.AddRow(row.ToArray());
        }

        var overall = new List<string> { "all", Numbers.Count(result.Cohorts.Sum(c => (long)c.Size)) };
        overall.AddRange(result.Overall.Select(c => AnalysisOutput.Percent(c.Share)));
        table.AddRow(overall.Select(text => $"[bold]{text}[/]").ToArray());
        table.Caption("share of each cohort that returned in period 0 (its own), 1, 2, … after it");
        console.Write(table);
    }
}
