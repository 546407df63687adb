using System.Globalization;
using Spectre.Console;
using Waymark.Engine.Kernels.Paths;

namespace Waymark.Cli.Commands.Analysis;

/// <summary>Draws the directly-follows graph and path flows as tables.</summary>
internal static class PathsTables
{
    public static void Graph(IAnsiConsole console, PathGraph graph, int top)
    {
        var edges = new Table().Title($"directly-follows graph: {Numbers.Count(graph.Subjects)} subjects, {Numbers.Count(graph.Events)} events")
            .AddColumn(new TableColumn("From").NoWrap()).AddColumn(new TableColumn("To").NoWrap()).AddColumn(new TableColumn("Count").RightAligned())
            .AddColumn(new TableColumn("Median").RightAligned()).AddColumn(new TableColumn("p90").RightAligned());
        foreach (var edge in graph.Edges.Take(top))
        {
            edges.AddRow(Markup.Escape(edge.From), Markup.Escape(edge.To), Numbers.Count(edge.Count),
                AnalysisOutput.Duration(edge.Times?.Median), AnalysisOutput.Duration(edge.Times?.P90));
        }

        if (graph.Edges.Count > top)
        {
            edges.Caption($"{top} of {Numbers.Count(graph.Edges.Count)} edges; --top N for more, --json for all");
        }

        console.Write(edges);
        var ends = new Table().AddColumn("Start activity").AddColumn(new TableColumn("Subjects").RightAligned())
            .AddColumn("End activity").AddColumn(new TableColumn("Subjects").RightAligned());
        for (var i = 0; i < Math.Min(10, Math.Max(graph.StartActivities.Count, graph.EndActivities.Count)); i++)
        {
            var (s, e) = (i < graph.StartActivities.Count ? graph.StartActivities[i] : default, i < graph.EndActivities.Count ? graph.EndActivities[i] : default);
            ends.AddRow(Markup.Escape(s.Name ?? ""), s.Name is null ? "" : Numbers.Count(s.Count), Markup.Escape(e.Name ?? ""), e.Name is null ? "" : Numbers.Count(e.Count));
        }

        console.Write(ends);
    }

    public static void Flow(IAnsiConsole console, string asked, PathFlow flow, int top)
    {
        var steps = new Table().Title(Markup.Escape($"{asked}: {Numbers.Count(flow.Paths)} subjects"))
            .AddColumn(new TableColumn("Step").RightAligned()).AddColumn(new TableColumn("Event").NoWrap()).AddColumn(new TableColumn("Subjects").RightAligned());
        foreach (var node in flow.Nodes)
        {
            steps.AddRow(node.Step.ToString(CultureInfo.InvariantCulture), Markup.Escape(node.Name ?? "(other)"), Numbers.Count(node.Count));
        }

        console.Write(steps);
        var links = new Table().Title("most travelled links").AddColumn(new TableColumn("From").NoWrap()).AddColumn(new TableColumn("To").NoWrap())
            .AddColumn(new TableColumn("Subjects").RightAligned());
        foreach (var link in flow.Links.OrderByDescending(l => l.Count).Take(top))
        {
            links.AddRow(Markup.Escape(Label(flow.Nodes[link.Source])), Markup.Escape(Label(flow.Nodes[link.Target])), Numbers.Count(link.Count));
        }

        console.Write(links);
        if (flow.Top.Count == 0)
        {
            return;
        }

        var paths = new Table().Title("top paths").AddColumn(new TableColumn("Path")).AddColumn(new TableColumn("Subjects").RightAligned())
            .AddColumn(new TableColumn("Share").RightAligned());
        foreach (var path in flow.Top)
        {
            paths.AddRow(Markup.Escape(string.Join(" → ", path.Names)), Numbers.Count(path.Count), AnalysisOutput.Percent((double)path.Count / flow.Paths));
        }

        console.Write(paths);
    }

    private static string Label(PathNode node) => $"{node.Step}: {node.Name ?? "(other)"}";
}
