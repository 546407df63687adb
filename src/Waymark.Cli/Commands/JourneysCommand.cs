using System.CommandLine;
using Waymark.App.Journeys;
using Waymark.Core.Journeys;

namespace Waymark.Cli.Commands;

/// <summary><c>waymark journeys</c>: journey maps. <c>validate FILE...</c> checks map files without a database.</summary>
internal static class JourneysCommand
{
    public static Command Create(Output output) => new("journeys", "Journey maps: validate and list them; see where every customer stands on them")
    {
        Validate(output),
        JourneyStatusCommands.List(output),
        JourneyStatusCommands.Status(output),
        JourneyStatusCommands.Instances(output),
        JourneyConformanceCommands.Conformance(output),
        JourneyConformanceCommands.Drift(output),
        JourneyRunCommand.Create(output),
        JourneyTasksCommand.Create(output),
        JourneySignalsCommands.Tags(output),
        JourneySignalsCommands.Notifications(output),
    };

    private static Command Validate(Output output)
    {
        var files = new Argument<string[]>("files") { Description = "Map files (YAML), or folders of them", Arity = ArgumentArity.OneOrMore };
        var json = GlobalOptions.Json();
        var command = new Command("validate", "Check journey maps: prints OK per valid file and every error as path:line:column: message") { files, json };
        command.SetAction(parse =>
        {
            var results = JourneyMapFiles.Read(parse.GetValue(files)!);
            if (parse.GetValue(json))
            {
                output.Json(ValidateJson.From(results), CliJsonContext.Default.ValidateJson);
            }
            else
            {
                Render(output, results);
            }

            return results.All(r => r.IsValid) ? ExitCodes.Ok : ExitCodes.RecordsRejected;
        });
        return command;
    }

    /// <summary>OK lines to standard output; errors to standard error, one a line, as compilers write them.</summary>
    private static void Render(Output output, IReadOnlyList<JourneyMapResult> results)
    {
        var stdout = output.Console.Profile.Out.Writer;
        foreach (var result in results)
        {
            if (result.Map is { } map)
            {
                stdout.WriteLine($"OK {result.Source} ({Describe(map)})");
            }

            foreach (var error in result.Errors)
            {
                output.Error.WriteLine(error.ToString());
            }
        }

        var invalid = results.Count(r => !r.IsValid);
        if (invalid > 0)
        {
            output.Error.WriteLine($"{invalid} of {results.Count} map files have errors ({results.Sum(r => r.Errors.Count)} errors)");
        }
    }

    /// <summary><c>team-onboarding, 3 milestones</c>, and <c>vendor map</c> when it is one.</summary>
    private static string Describe(JourneyMap map) =>
        $"{map.Id}, {map.Milestones.Count} milestone{(map.Milestones.Count == 1 ? "" : "s")}{(map.IsVendorMap ? ", vendor map" : "")}";
}

/// <summary>The JSON shape of <c>waymark journeys validate --json</c>. A contract for scripts.</summary>
internal sealed record ValidateJson(int Valid, int Invalid, IReadOnlyList<ValidateFileJson> Files)
{
    public static ValidateJson From(IReadOnlyList<JourneyMapResult> results) => new(
        results.Count(r => r.IsValid),
        results.Count(r => !r.IsValid),
        [.. results.Select(r => new ValidateFileJson(r.Source, r.IsValid, r.Map?.Id, r.Map?.Name, r.Map is { } m ? JourneyNames.Of(m.Perspective) : null,
            r.Map?.Milestones.Count, [.. r.Errors.Select(e => new MapErrorJson(e.Location.Line, e.Location.Column, e.Message))]))]);
}

/// <summary>One file: valid with its id, name, perspective and milestone count, or its errors.</summary>
internal sealed record ValidateFileJson(string Path, bool Valid, string? Id, string? Name, string? Perspective, int? Milestones, IReadOnlyList<MapErrorJson> Errors);

/// <summary>One error of a map file.</summary>
internal sealed record MapErrorJson(long Line, long Column, string Message);
