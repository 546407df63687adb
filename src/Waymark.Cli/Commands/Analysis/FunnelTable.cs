using Spectre.Console;
using Waymark.Engine.Kernels.Funnels;

namespace Waymark.Cli.Commands.Analysis;

/// <summary>Draws a funnel's answer: one row per step, then one table per breakdown value.</summary>
internal static class FunnelTable
{
    public static void Render(IAnsiConsole console, string asked, FunnelResult result)
    {
        console.Write(Steps(Markup.Escape(asked), result.Steps));
        if (result.Excluded > 0)
        {
            console.WriteLine($"{Numbers.Count(result.Excluded)} subjects left out by an exclusion step");
        }

        foreach (var breakdown in result.Breakdowns)
        {
            console.Write(Steps(Markup.Escape(breakdown.Value ?? "(none)"), breakdown.Steps));
        }

        foreach (var step in result.Steps.Where(s => s.DroppedOff is { Count: > 0 }))
        {
            console.WriteLine($"dropped off before step {step.Index + 1} ({step.Label}): {string.Join(", ", step.DroppedOff!.Take(50))}{(step.DroppedOff!.Count > 50 ? $", … {step.DroppedOff.Count - 50} more (--json for all)" : "")}");
        }
    }

    private static Table Steps(string title, IReadOnlyList<FunnelStepResult> steps)
    {
        var table = new Table().Title(title).AddColumn("#").AddColumn(new TableColumn("Step").NoWrap())
            .AddColumn(new TableColumn("Subjects").RightAligned()).AddColumn(new TableColumn("Of previous").RightAligned())
            .AddColumn(new TableColumn("Of first").RightAligned()).AddColumn(new TableColumn("Median").RightAligned())
            .AddColumn(new TableColumn("p90").RightAligned());
        table.Caption("median and p90: time from the first step");
        foreach (var step in steps)
        {
            table.AddRow(
                (step.Index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                Markup.Escape(step.Label),
                Numbers.Count(step.Reached),
                step.ConversionFromPrevious is { } p ? AnalysisOutput.Percent(p) : "-",
                step.ConversionFromFirst is { } f ? AnalysisOutput.Percent(f) : "-",
                AnalysisOutput.Duration(step.TimeToConvert?.MedianMs),
                AnalysisOutput.Duration(step.TimeToConvert?.P90Ms));
        }

        return table;
    }
}
