using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Waymark.Core.Model;
using Waymark.Core.Storage;

namespace Waymark.Cli.Commands;

/// <summary><c>waymark stats</c>: events, people, accounts, event names with counts, first and last time.</summary>
internal static class StatsCommand
{
    public static Command Create(Output output)
    {
        var json = GlobalOptions.Json();
        var top = new Option<int>("--top") { Description = "How many event names to list (JSON lists them all)", DefaultValueFactory = _ => 20 };
        var command = new Command("stats", "Count what the database holds") { json, top };
        command.SetAction(parse => WorkspaceRunner.Run(parse, output, workspace =>
        {
            var asJson = parse.GetValue(json);
            var stats = workspace.Stats(asJson ? int.MaxValue : Math.Max(parse.GetValue(top), 0));
            if (asJson)
            {
                output.Json(StatsJson.From(workspace.Location, stats), CliJsonContext.Default.StatsJson);
            }
            else
            {
                Render(output.Console, workspace.Location, stats);
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    internal static void Render(IAnsiConsole console, string location, StoreStats stats)
    {
        var summary = new Table().Title(Markup.Escape(location)).AddColumn("").AddColumn(new TableColumn("").RightAligned()).HideHeaders();
        summary.AddRow("Events", Numbers.Count(stats.Events));
        summary.AddRow("People", Numbers.Count(stats.People));
        summary.AddRow("Accounts", Numbers.Count(stats.Accounts));
        summary.AddRow("Event names", Numbers.Count(stats.EventNameCount));
        summary.AddRow("First event", stats.FirstTime is { } first ? Timestamps.Format(first) : "-");
        summary.AddRow("Last event", stats.LastTime is { } last ? Timestamps.Format(last) : "-");
        console.Write(summary);
        if (stats.EventNames.Count == 0)
        {
            return;
        }

        var names = new Table().AddColumn("Event name").AddColumn(new TableColumn("Events").RightAligned()).AddColumn(new TableColumn("Share").RightAligned());
        foreach (var (name, count) in stats.EventNames)
        {
            names.AddRow(Markup.Escape(name), Numbers.Count(count), (count / (double)stats.Events).ToString("P1", CultureInfo.InvariantCulture));
        }

        if (stats.EventNameCount > stats.EventNames.Count)
        {
            names.Caption($"{stats.EventNames.Count} of {Numbers.Count(stats.EventNameCount)} names; --top N for more");
        }

        console.Write(names);
    }

}

/// <summary>The JSON shape of <c>waymark stats --json</c>. A contract for scripts.</summary>
internal sealed record StatsJson(string Database, long Events, long People, long Accounts, long EventNameCount,
    string? FirstTime, string? LastTime, IReadOnlyList<EventNameJson> EventNames)
{
    public static StatsJson From(string database, StoreStats stats) => new(database, stats.Events, stats.People, stats.Accounts,
        stats.EventNameCount, stats.FirstTime is { } f ? Timestamps.Format(f) : null, stats.LastTime is { } l ? Timestamps.Format(l) : null,
        stats.EventNames.Select(n => new EventNameJson(n.Name, n.Count)).ToList());
}

/// <summary>An event name and its count.</summary>
internal sealed record EventNameJson(string Name, long Count);
