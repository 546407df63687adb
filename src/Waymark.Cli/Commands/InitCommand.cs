using System.CommandLine;
using Spectre.Console;

namespace Waymark.Cli.Commands;

/// <summary><c>waymark init</c>: creates the database, or brings an existing one to the current schema.</summary>
internal static class InitCommand
{
    public static Command Create(Output output)
    {
        var command = new Command("init", "Create the database (or migrate an existing one to this version's schema)");
        command.SetAction(parse => WorkspaceRunner.Run(parse, output, workspace =>
        {
            output.Console.MarkupLine($"[green]Ready:[/] {Markup.Escape(workspace.Location)} (schema version {workspace.SchemaVersion})");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
