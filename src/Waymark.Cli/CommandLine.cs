using System.CommandLine;
using Waymark.Cli.Commands;
using Waymark.Cli.Commands.Analysis;

namespace Waymark.Cli;

/// <summary>The <c>waymark</c> command tree; reads like the table of contents of the CLI.</summary>
internal static class CommandLine
{
    public static RootCommand Build(Output output)
    {
        var root = new RootCommand("Waymark: goal-first customer journeys, fed with real events")
        {
            DemoCommand.Create(output),
            InitCommand.Create(output),
            SimulateCommand.Create(output),
            ImportCommand.Create(output),
            StatsCommand.Create(output),
            FunnelCommand.Create(output),
            PathsCommand.Create(output),
            VariantsCommand.Create(output),
            DurationsCommand.Create(output),
            RetentionCommand.Create(output),
            FrequencyCommand.Create(output),
            SequenceCommand.Create(output),
            JourneysCommand.Create(output),
        };
        root.Options.Add(GlobalOptions.Database);
        return root;
    }

    /// <summary>Parses and runs; a command line that does not parse exits with <see cref="ExitCodes.Usage"/>.</summary>
    public static int Run(string[] args, Output output)
    {
        var parse = Build(output).Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                output.Fail(error.Message);
            }

            output.Error.WriteLine("Run 'waymark --help' for usage.");
            return ExitCodes.Usage;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = output.Console.Profile.Out.Writer, Error = output.Error });
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            output.Fail($"internal error: {e}");
            return ExitCodes.InternalError;
        }
    }
}
