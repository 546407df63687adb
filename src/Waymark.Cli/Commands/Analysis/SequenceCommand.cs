using System.CommandLine;
using Spectre.Console;
using Waymark.Engine.Kernels.Sequences;

namespace Waymark.Cli.Commands.Analysis;

/// <summary><c>waymark sequence PATTERN CONDITION...</c>: ClickHouse's sequenceMatch and sequenceCount per subject.</summary>
internal static class SequenceCommand
{
    public static Command Create(Output output)
    {
        var pattern = new Argument<string>("pattern") { Description = "A pattern in ClickHouse's syntax: (?1).*(?2)(?t<=3600)(?3); (?N) is the Nth condition, t in seconds" };
        var conditions = new Argument<string[]>("conditions") { Description = "The conditions (?1), (?2), …, e.g. demo_held 'contract_signed[plan=pro]'", Arity = ArgumentArity.OneOrMore };
        var top = new Option<int>("--top") { Description = "How many subjects with the most occurrences to list", DefaultValueFactory = _ => 10 };
        var json = GlobalOptions.Json();
        var scope = new ScopeOptions();
        var command = new Command("sequence", "Sequences: which subjects' events match a pattern over conditions, and how often (ClickHouse's sequenceMatch and sequenceCount)")
        {
            pattern, conditions, top, json,
        };
        scope.AddTo(command);
        command.SetAction(parse => WorkspaceRunner.Run(parse, output, workspace =>
        {
            var (kind, queryScope) = scope.Read(parse);
            var query = new SequenceQuery(AnalysisOutput.Conditions(parse.GetValue(conditions)!), parse.GetValue(pattern)!);
            var result = workspace.Sequence(kind, query, queryScope);
            var asked = $"{parse.GetValue(pattern)} with {string.Join(", ", query.Conditions.Select((c, i) => $"(?{i + 1}) = {c}"))}";
            if (parse.GetValue(json))
            {
                output.Json(AnalysisOutput.Envelope(workspace.Location, kind, queryScope, asked, result), AnalysisJsonContext.Default.AnalysisJsonSequenceResult);
            }
            else
            {
                Render(output.Console, asked, result, Math.Max(0, parse.GetValue(top)));
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    private static void Render(IAnsiConsole console, string asked, SequenceResult result, int top)
    {
        var summary = new Table().Title(Markup.Escape(asked)).AddColumn("").AddColumn(new TableColumn("").RightAligned()).HideHeaders();
        summary.AddRow("Subjects with events", Numbers.Count(result.SubjectsConsidered));
        summary.AddRow("Subjects matching", Numbers.Count(result.SubjectsMatched));
        summary.AddRow("Share matching", AnalysisOutput.Percent(result.SubjectsConsidered == 0 ? 0 : result.SubjectsMatched / (double)result.SubjectsConsidered));
        summary.AddRow("Occurrences (non-overlapping)", Numbers.Count(result.TotalCount));
        if (result.SubjectsOverStepLimit > 0)
        {
            summary.AddRow("Subjects over the search limit", Numbers.Count(result.SubjectsOverStepLimit));
        }

        console.Write(summary);
        var most = result.Subjects.Where(s => s.Count > 0).OrderByDescending(s => s.Count).ThenBy(s => s.Id, StringComparer.Ordinal).Take(top).ToList();
        if (most.Count > 0)
        {
            var table = new Table().AddColumn("Subject").AddColumn(new TableColumn("Occurrences").RightAligned());
            foreach (var subject in most)
            {
                table.AddRow(Markup.Escape(subject.Id), Numbers.Count(subject.Count));
            }

            console.Write(table);
        }
    }
}
