using System.CommandLine;
using Waymark.Core.Conditions;
using Waymark.Engine.Kernels.Paths;

namespace Waymark.Cli.Commands.Analysis;

/// <summary>
/// <c>waymark paths</c>: without <c>--start</c> or <c>--end</c>, the directly-follows graph (which
/// event comes right after which, how often, how long between); with one, the paths from a start
/// event or to an end event, step by step, as a Sankey chart draws them, and the most frequent whole paths.
/// </summary>
internal static class PathsCommand
{
    public static Command Create(Output output)
    {
        var start = new Option<string?>("--start") { Description = "Follow paths from the first occurrence of this event, e.g. trial_started" };
        var end = new Option<string?>("--end") { Description = "Follow paths leading to the first occurrence of this event" };
        var depth = new Option<int>("--depth") { Description = "Steps to follow from (or to) the anchor event", DefaultValueFactory = _ => 5 };
        var collapse = new Option<bool>("--collapse") { Description = "Count immediate repeats of an event once" };
        var exclude = new Option<string[]>("--exclude") { Description = "Event names to leave out of paths", AllowMultipleArgumentsPerToken = true };
        var nodes = new Option<int>("--nodes") { Description = "Names kept per step; the rest fold into 'other'", DefaultValueFactory = _ => 10 };
        var session = new Option<string?>("--session-gap") { Description = "Split a subject's events into sessions at gaps longer than this (e.g. 30m)" };
        var top = new Option<int>("--top") { Description = "How many edges (graph) or links (paths) to list", DefaultValueFactory = _ => 25 };
        var topPaths = new Option<int>("--top-paths") { Description = "How many of the most frequent whole paths to list (0 for none)", DefaultValueFactory = _ => 10 };
        var json = GlobalOptions.Json();
        var scope = new ScopeOptions();
        var command = new Command("paths", "Paths: the directly-follows graph, or the paths from a start event or to an end event")
        {
            start, end, depth, collapse, exclude, nodes, session, top, topPaths, json,
        };
        scope.AddTo(command);
        command.SetAction(parse => WorkspaceRunner.Run(parse, output, workspace =>
        {
            var (kind, queryScope) = scope.Read(parse);
            var (from, to) = (parse.GetValue(start), parse.GetValue(end));
            var asJson = parse.GetValue(json);
            if (from is null && to is null)
            {
                var graph = workspace.DirectlyFollows(kind, new DirectlyFollowsQuery(queryScope));
                if (asJson)
                {
                    output.Json(AnalysisOutput.Envelope(workspace.Location, kind, queryScope, "directly-follows graph", graph), AnalysisJsonContext.Default.AnalysisJsonPathGraph);
                }
                else
                {
                    PathsTables.Graph(output.Console, graph, Math.Max(1, parse.GetValue(top)));
                }

                return ExitCodes.Ok;
            }

            var query = new PathsQuery(queryScope)
            {
                Start = from is null ? null : ConditionText.ParseEvent(from),
                End = to is null ? null : ConditionText.ParseEvent(to),
                Depth = parse.GetValue(depth),
                CollapseRepeats = parse.GetValue(collapse),
                Excluded = (parse.GetValue(exclude) ?? []).SelectMany(e => e.Split(',')).ToList(),
                NodesPerStep = parse.GetValue(nodes),
                TopPaths = parse.GetValue(topPaths),
                SessionGap = parse.GetValue(session) is { } gap ? Durations.Parse(gap) : null,
            };
            var flow = workspace.Paths(kind, query);
            var asked = query.Start is { } s ? $"paths from {s}" : $"paths to {query.End}";
            if (asJson)
            {
                output.Json(AnalysisOutput.Envelope(workspace.Location, kind, queryScope, asked, flow), AnalysisJsonContext.Default.AnalysisJsonPathFlow);
            }
            else
            {
                PathsTables.Flow(output.Console, asked, flow, Math.Max(1, parse.GetValue(top)));
            }

            return ExitCodes.Ok;
        }));
        return command;
    }
}
