using System.CommandLine;
using Waymark.App;
using Waymark.Core.Errors;
using Waymark.Engine.Kernels.Sequences;

namespace Waymark.Cli.Commands;

/// <summary>Opens the workspace a command names and turns store failures into exit codes.</summary>
internal static class WorkspaceRunner
{
    public static int Run(ParseResult parse, Output output, Func<Workspace, int> action)
    {
        Workspace workspace;
        try
        {
            workspace = Workspace.Open(parse.GetValue(GlobalOptions.Database));
        }
        catch (WaymarkException e)
        {
            output.Fail(e.Message);
            return ExitCodes.DatabaseUnavailable;
        }

        using (workspace)
        {
            try
            {
                return action(workspace);
            }
            catch (OperationCanceledException)
            {
                output.Fail("interrupted; everything reported as stored before this is stored");
                return ExitCodes.Cancelled;
            }
            catch (Exception e) when (e is SyntaxException or SequencePatternException)
            {
                output.Fail(e.Message);
                return ExitCodes.Usage;
            }
            catch (ArgumentException e)
            {
                // Queries validate their arguments once, at the engine's boundary; here those are the user's.
                output.Fail(e.Message);
                return ExitCodes.Usage;
            }
            catch (WaymarkException e)
            {
                output.Fail(e.Message);
                return ExitCodes.DatabaseUnavailable;
            }
        }
    }
}
