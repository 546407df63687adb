using System.CommandLine;
using Spectre.Console;
using Waymark.Engine.Kernels.Variants;

namespace Waymark.Cli.Commands.Analysis;

/// <summary><c>waymark variants</c>: the most common whole sequences of events (trace variants), with count, share and median duration.</summary>
internal static class VariantsCommand
{
    public static Command Create(Output output)
    {
        var top = new Option<int>("--top") { Description = "How many variants to list", DefaultValueFactory = _ => 10 };
        var json = GlobalOptions.Json();
        var scope = new ScopeOptions();
        var command = new Command("variants", "Variants: the most common complete sequences of events per subject") { top, json };
        scope.AddTo(command);
        command.SetAction(parse => WorkspaceRunner.Run(parse, output, workspace =>
        {
            var (kind, queryScope) = scope.Read(parse);
            var result = workspace.Variants(kind, new VariantsQuery(queryScope) { Top = parse.GetValue(top) });
            if (parse.GetValue(json))
            {
                output.Json(AnalysisOutput.Envelope(workspace.Location, kind, queryScope, "trace variants", result), AnalysisJsonContext.Default.AnalysisJsonVariantSet);
                return ExitCodes.Ok;
            }

            var table = new Table().Title($"{Numbers.Count(result.Distinct)} variants over {Numbers.Count(result.Subjects)} subjects")
                .AddColumn(new TableColumn("#").RightAligned()).AddColumn(new TableColumn("Subjects").RightAligned()).AddColumn(new TableColumn("Share").RightAligned())
                .AddColumn(new TableColumn("Median duration").RightAligned()).AddColumn("Events");
            var rank = 0;
            foreach (var variant in result.Top)
            {
                var names = variant.Names.Count <= 12 ? string.Join(" → ", variant.Names) : string.Join(" → ", variant.Names.Take(11)) + $" → … ({variant.Names.Count} events)";
                table.AddRow((++rank).ToString(System.Globalization.CultureInfo.InvariantCulture), Numbers.Count(variant.Count),
                    AnalysisOutput.Percent(variant.Share), AnalysisOutput.Duration(variant.MedianDuration), Markup.Escape(names));
            }

            output.Console.Write(table);
            return ExitCodes.Ok;
        }));
        return command;
    }
}
