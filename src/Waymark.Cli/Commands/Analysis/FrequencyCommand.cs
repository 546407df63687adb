using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Waymark.Core.Conditions;
using Waymark.Engine.Kernels.Frequency;

namespace Waymark.Cli.Commands.Analysis;

/// <summary><c>waymark frequency EVENT</c>: how many subjects did EVENT 1, 2, 3… times per period, and the time between repeats.</summary>
internal static class FrequencyCommand
{
    public static Command Create(Output output)
    {
        var @event = new Argument<string>("event") { Description = "The event counted, e.g. seats_added or 'feature_used[feature=reports]'" };
        var unit = new Option<string>("--unit") { Description = "Periods: day, week or month (UTC)", DefaultValueFactory = _ => "week" };
        var max = new Option<int>("--max") { Description = "The last count with a column of its own (it also holds larger counts)", DefaultValueFactory = _ => 5 };
        var weekStart = new Option<string>("--week-start") { Description = "First day of a week", DefaultValueFactory = _ => "monday" };
        var json = GlobalOptions.Json();
        var scope = new ScopeOptions();
        var command = new Command("frequency", "Frequency: events per subject per period, and the time between a subject's repeats (time to repurchase)")
        {
            @event, unit, max, weekStart, json,
        };
        scope.AddTo(command);
        command.SetAction(parse => WorkspaceRunner.Run(parse, output, workspace =>
        {
            var (kind, queryScope) = scope.Read(parse);
            var condition = ConditionText.ParseEvent(parse.GetValue(@event)!);
            var query = new FrequencyQuery(condition, AnalysisOutput.Unit(parse.GetValue(unit)!), parse.GetValue(max), AnalysisOutput.WeekStart(parse.GetValue(weekStart)!));
            var perPeriod = workspace.Frequency(kind, query, queryScope);
            var repeats = workspace.Repeats(kind, new RepeatQuery(condition), queryScope);
            var asked = $"{condition} per {query.Unit}";
            if (parse.GetValue(json))
            {
                var answer = new FrequencyJson(perPeriod, repeats);
                output.Json(AnalysisOutput.Envelope(workspace.Location, kind, queryScope, asked, answer), AnalysisJsonContext.Default.AnalysisJsonFrequencyJson);
            }
            else
            {
                Render(output.Console, asked, perPeriod, repeats);
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    private static void Render(IAnsiConsole console, string asked, FrequencyResult perPeriod, RepeatResult repeats)
    {
        var table = new Table().Title(Markup.Escape(asked)).AddColumn(new TableColumn("Period").NoWrap())
            .AddColumn(new TableColumn("Subjects").RightAligned().NoWrap()).AddColumn(new TableColumn("Events").RightAligned());
        for (var c = 1; c <= perPeriod.MaxCount; c++)
        {
            var label = c == perPeriod.MaxCount ? $"{c}+" : c.ToString(CultureInfo.InvariantCulture);
            table.AddColumn(new TableColumn($"{label}×").RightAligned());
        }

        foreach (var period in perPeriod.Periods)
        {
            table.AddRow(Row(AnalysisOutput.Period(period.Start, perPeriod.Unit), period.Distribution));
        }

        table.AddRow(Row("all", perPeriod.Overall).Select(text => $"[bold]{text}[/]").ToArray());
        table.Caption("subjects who did it exactly 1, 2, … times in the period");
        console.Write(table);

        var gaps = repeats.Gaps;
        var title = $"time between repeats: {Numbers.Count(repeats.Repeating)} of {Numbers.Count(repeats.Subjects)} subjects who did it did it again";
        var between = new Table().Title(Markup.Escape(title)).AddColumn("").AddColumn(new TableColumn("all repeats").RightAligned()).AddColumn(new TableColumn("first repeat").RightAligned());
        between.AddRow("gaps", Numbers.Count(gaps.Count), Numbers.Count(repeats.FirstRepeat.Count));
        between.AddRow("median", AnalysisOutput.Duration(gaps.MedianMs), AnalysisOutput.Duration(repeats.FirstRepeat.MedianMs));
        between.AddRow("p75", AnalysisOutput.Duration(gaps.P75Ms), AnalysisOutput.Duration(repeats.FirstRepeat.P75Ms));
        between.AddRow("p90", AnalysisOutput.Duration(gaps.P90Ms), AnalysisOutput.Duration(repeats.FirstRepeat.P90Ms));
        between.AddRow("mean", AnalysisOutput.Duration(gaps.MeanMs), AnalysisOutput.Duration(repeats.FirstRepeat.MeanMs));
        for (var b = 0; b < gaps.Histogram.Count; b++)
        {
            var bucket = gaps.Histogram[b];
            var label = bucket.ToMs is { } to ? $"< {AnalysisOutput.Duration(to)}" : $">= {AnalysisOutput.Duration(bucket.FromMs)}";
            between.AddRow(label, Numbers.Count(bucket.Count), Numbers.Count(repeats.FirstRepeat.Histogram[b].Count));
        }

        console.Write(between);
    }

    private static string[] Row(string label, FrequencyDistribution distribution) =>
        [label, Numbers.Count(distribution.Subjects), Numbers.Count(distribution.Events), .. distribution.SubjectsByCount.Select(Numbers.Count)];
}
