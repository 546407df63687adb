using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Waymark.Core.Conditions;
using Waymark.Core.Errors;
using Waymark.Engine.Kernels.Funnels;

namespace Waymark.Cli.Commands.Analysis;

/// <summary><c>waymark funnel STEP...</c>: subjects reaching each step in order within a window, as ClickHouse's windowFunnel counts them.</summary>
internal static class FunnelCommand
{
    public static Command Create(Output output)
    {
        var steps = new Argument<string[]>("steps") { Description = "The steps in order, e.g. demo_requested demo_held 'contract_signed[plan=pro]'", Arity = ArgumentArity.OneOrMore };
        var window = new Option<string>("--window") { Description = "The conversion window from the first step, inclusive (e.g. 30d, 12h)", DefaultValueFactory = _ => "30d" };
        var modes = new Option<string[]>("--mode") { Description = "windowFunnel modes: strict-order, strict-deduplication, strict-increase, allow-reentry", AllowMultipleArgumentsPerToken = true };
        var anyOrder = new Option<bool>("--any-order") { Description = "The steps may happen in any order within the window" };
        var optional = new Option<int[]>("--optional") { Description = "Step numbers (from 1) a chain may skip", AllowMultipleArgumentsPerToken = true };
        var within = new Option<string[]>("--step-within") { Description = "A time limit from the step before: N=DURATION, e.g. 3=2d (step 3 within 2 days of step 2)" };
        var exclude = new Option<string[]>("--exclude") { Description = "Events that break the chain between two steps: EVENT:FROM-TO, e.g. 'deal_lost:1-3'" };
        var breakdown = new Option<string?>("--breakdown") { Description = "Split by trait:KEY or property:KEY (a property of the first step's event)" };
        var dropped = new Option<bool>("--dropped-off") { Description = "List the subjects who dropped off before each step" };
        var json = GlobalOptions.Json();
        var scope = new ScopeOptions();
        var command = new Command("funnel", "Funnel: how many subjects reach each step, in order, within the window (ClickHouse's windowFunnel, exactly)")
        {
            steps, window, modes, anyOrder, optional, within, exclude, breakdown, dropped, json,
        };
        scope.AddTo(command);
        command.SetAction(parse => WorkspaceRunner.Run(parse, output, workspace =>
        {
            var (kind, queryScope) = scope.Read(parse);
            var query = Query(parse, steps, window, modes, anyOrder, optional, within, exclude, breakdown, dropped);
            var result = workspace.Funnel(kind, query, queryScope);
            var asked = $"{string.Join(" → ", query.Steps.Select(s => s.DisplayLabel))} within {Durations.Format(query.Window)}";
            if (parse.GetValue(json))
            {
                output.Json(AnalysisOutput.Envelope(workspace.Location, kind, queryScope, asked, result), AnalysisJsonContext.Default.AnalysisJsonFunnelResult);
            }
            else
            {
                FunnelTable.Render(output.Console, asked, result);
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    private static FunnelQuery Query(ParseResult parse, Argument<string[]> steps, Option<string> window, Option<string[]> modes, Option<bool> anyOrder,
        Option<int[]> optional, Option<string[]> within, Option<string[]> exclude, Option<string?> breakdown, Option<bool> dropped)
    {
        var list = AnalysisOutput.Conditions(parse.GetValue(steps)!).Select(c => new FunnelStep(c)).ToList();
        foreach (var number in parse.GetValue(optional) ?? [])
        {
            var at = StepIndex(number.ToString(CultureInfo.InvariantCulture), list.Count, "--optional");
            list[at] = list[at] with { Optional = true };
        }

        foreach (var text in parse.GetValue(within) ?? [])
        {
            var parts = text.Split('=', 2);
            var at = StepIndex(parts[0], list.Count, "--step-within");
            list[at] = list[at] with { Within = Durations.Parse(parts.Length == 2 ? parts[1] : "") };
        }

        return new FunnelQuery(list, Durations.Parse(parse.GetValue(window)!))
        {
            Modes = Modes(parse.GetValue(modes) ?? []),
            Order = parse.GetValue(anyOrder) ? FunnelOrder.AnyOrder : FunnelOrder.Ordered,
            Exclusions = (parse.GetValue(exclude) ?? []).Select(e => Exclusion(e, list.Count)).ToList(),
            Breakdown = Breakdown(parse.GetValue(breakdown)),
            IncludeDropOffs = parse.GetValue(dropped),
        };
    }

    private static int StepIndex(string text, int count, string option) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= count
            ? number - 1
            : throw new SyntaxException(text, 0, $"a step number from 1 to {count} for {option}");

    private static FunnelModes Modes(IEnumerable<string> names) => names.SelectMany(n => n.Split(',')).Aggregate(FunnelModes.None, (modes, name) => modes | name.Trim() switch
    {
        "strict-order" or "strict_order" => FunnelModes.StrictOrder,
        "strict-deduplication" or "strict_deduplication" => FunnelModes.StrictDeduplication,
        "strict-increase" or "strict_increase" => FunnelModes.StrictIncrease,
        "allow-reentry" or "allow_reentry" => FunnelModes.AllowReentry,
        _ => throw new SyntaxException(name, 0, "a mode: strict-order, strict-deduplication, strict-increase or allow-reentry"),
    });

    private static FunnelExclusion Exclusion(string text, int count)
    {
        var colon = text.LastIndexOf(':');
        var range = colon < 0 ? [] : text[(colon + 1)..].Split('-');
        if (colon <= 0 || range.Length != 2)
        {
            throw new SyntaxException(text, Math.Max(colon, 0), "EVENT:FROM-TO, e.g. deal_lost:1-3");
        }

        return new FunnelExclusion(ConditionText.ParseEvent(text[..colon]), StepIndex(range[0], count, "--exclude"), StepIndex(range[1], count, "--exclude"));
    }

    private static FunnelBreakdown? Breakdown(string? text) => text switch
    {
        null or "" => null,
        _ when text.StartsWith("trait:", StringComparison.Ordinal) => FunnelBreakdown.ByTrait(text[6..]),
        _ when text.StartsWith("property:", StringComparison.Ordinal) => FunnelBreakdown.ByFirstStepProperty(text[9..]),
        _ => throw new SyntaxException(text, 0, "trait:KEY or property:KEY"),
    };
}
