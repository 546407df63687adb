using System.CommandLine;
using System.Globalization;
using Spectre.Console;

namespace Waymark.Cli.Commands;

/// <summary>
/// <c>waymark journeys run</c>: evaluates every map at a time, records the contingencies that
/// fired since the last run (once per instance and trigger) with their tasks, tags, notifications
/// and webhook messages, then delivers the webhook messages that are due, once.
/// </summary>
internal static class JourneyRunCommand
{
    public static Command Create(Output output)
    {
        var ids = new Argument<string[]>("maps") { Description = "Map ids to run (default: every map)", Arity = ArgumentArity.ZeroOrMore };
        var maps = JourneyStatusCommands.MapsOption();
        var at = JourneyStatusCommands.AtOption();
        var timeout = new Option<int>("--webhook-timeout") { Description = "Seconds to wait for each webhook", DefaultValueFactory = _ => 10 };
        var json = GlobalOptions.Json();
        var command = new Command("run", "Evaluate the journeys, record new contingency firings and their actions, deliver due webhooks")
            { ids, maps, at, timeout, json };
        command.SetAction(parse => JourneyStatusCommands.WithMaps(parse, output, maps, ids, (workspace, loaded) =>
        {
            var rows = new List<JourneyRunJson>();
            foreach (var versioned in loaded)
            {
                var when = JourneyStatusCommands.At(workspace, versioned.Map, parse.GetValue(at)!);
                var instances = workspace.JourneyInstances(versioned.Map, when, versioned.Version);
                var recorded = workspace.RecordFirings([versioned.Map], instances);
                rows.Add(new JourneyRunJson(versioned.Map.Id, versioned.Version, when, instances.Count, instances.Count(i => i.IsOpen),
                    instances.Sum(i => i.Firings.Count), recorded));
            }

            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(parse.GetValue(timeout)) };
            using var dispatcher = workspace.WebhookDispatcher(http);
            var round = dispatcher.RunOnceAsync(workspace.Now).GetAwaiter().GetResult();
            var result = new JourneyRunResultJson(workspace.Location, rows, round.Delivered, round.Retrying, round.Failed);
            if (parse.GetValue(json))
            {
                output.Json(result, JourneyJsonContext.Default.JourneyRunResultJson);
                return ExitCodes.Ok;
            }

            var table = new Table().Title("Journeys run").AddColumn("Journey").AddColumn(new TableColumn("Version").RightAligned())
                .AddColumn(new TableColumn("Instances").RightAligned()).AddColumn(new TableColumn("Open").RightAligned())
                .AddColumn(new TableColumn("Firings").RightAligned()).AddColumn(new TableColumn("New firings").RightAligned());
            foreach (var row in rows)
            {
                table.AddRow(Markup.Escape(row.Id), row.Version.ToString(CultureInfo.InvariantCulture), Numbers.Count(row.Instances), Numbers.Count(row.Open),
                    Numbers.Count(row.Firings), Numbers.Count(row.NewFirings));
            }

            output.Console.Write(table);
            output.Console.WriteLine($"webhooks: {round.Delivered} delivered, {round.Retrying} to retry, {round.Failed} given up");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
