using System.Text.Json;
using Spectre.Console;

namespace Waymark.Cli.Tests;

/// <summary>Runs the real command tree in-process with captured output.</summary>
internal static class CliRunner
{
    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(stdout),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 200;
        var code = CommandLine.Run(args, new Output(console, stderr, interactive: false));
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs a command that must succeed and returns its <c>--json</c> output.</summary>
    public static JsonElement Json(params string[] args)
    {
        var (code, output, err) = Run([.. args, "--json"]);
        Assert.True(code == ExitCodes.Ok, err);
        using var json = JsonDocument.Parse(output);
        return json.RootElement.Clone();
    }

    /// <summary><c>waymark stats --json</c> of a database.</summary>
    public static JsonElement Stats(string database) => Json("stats", "--db", database);
}
