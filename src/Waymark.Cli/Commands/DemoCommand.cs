using System.CommandLine;
using Spectre.Console;
using Waymark.Simulation;

namespace Waymark.Cli.Commands;

/// <summary>
/// <c>waymark demo</c>: the main job on the embedded default, for a first look. Simulates a
/// company into the database when it holds no events yet, then shows what it holds and, with the
/// example maps in <c>journeys/</c>, where its customers stand on every journey.
/// </summary>
internal static class DemoCommand
{
    public const long DefaultEvents = 1_000_000;

    public static Command Create(Output output)
    {
        var events = new Option<long>("--events") { Description = "About how many events to simulate into an empty database", DefaultValueFactory = _ => DefaultEvents };
        var seed = new Option<ulong>("--seed") { Description = "Random seed", DefaultValueFactory = _ => 1 };
        var command = new Command("demo", "Simulate a company into the database (when empty) and show what it holds") { events, seed };
        command.SetAction((parse, cancel) => Task.FromResult(WorkspaceRunner.Run(parse, output, workspace =>
        {
            if (workspace.Stats(topEventNames: 0).Events == 0)
            {
                var simulation = new SimulationOptions { Seed = parse.GetValue(seed), TargetEvents = Math.Max(1, parse.GetValue(events)) };
                SimulateCommand.Render(output, SimulateCommand.Run(output, workspace, simulation, null, null, cancel), asJson: false);
            }
            else
            {
                output.Console.MarkupLine($"[grey]{Markup.Escape(workspace.Location)} already holds events; showing them.[/]");
            }

            StatsCommand.Render(output.Console, workspace.Location, workspace.Stats(topEventNames: 15));
            if (JourneyStatusCommands.DemoMaps(output, workspace, "journeys") is { Count: > 0 } maps)
            {
                // The main job: where every customer stands on every journey, at the newest event.
                JourneyStatusCommands.RenderStatus(output, JourneyStatusCommands.StatusRows(workspace, maps, "latest"));
                output.Console.MarkupLine("[grey]See why, customer by customer: waymark journeys instances onboarding --at latest[/]");
            }

            return ExitCodes.Ok;
        })));
        return command;
    }
}
