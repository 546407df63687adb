using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Spectre.Console;

namespace Waymark.Cli;

/// <summary>
/// Where a command writes: results to standard output (tables, or JSON with <c>--json</c>),
/// errors and progress to standard error so that a script's output stays clean.
/// </summary>
internal sealed class Output(IAnsiConsole console, TextWriter error, bool interactive)
{
    /// <summary>The real terminal.</summary>
    public static Output ForConsole() => new(
        AnsiConsole.Console,
        System.Console.Error,
        interactive: !System.Console.IsErrorRedirected);

    /// <summary>Progress bars, drawn on standard error.</summary>
    public IAnsiConsole Status { get; } = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(error) });

    /// <summary>Results: tables and text.</summary>
    public IAnsiConsole Console { get; } = console;

    /// <summary>Errors and plain progress lines.</summary>
    public TextWriter Error { get; } = error;

    /// <summary>True on a terminal: progress is drawn as a bar; otherwise as occasional plain lines.</summary>
    public bool Interactive { get; } = interactive;

    /// <summary>Writes a value as indented JSON to standard output.</summary>
    public void Json<T>(T value, JsonTypeInfo<T> type) => Console.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(value, type));

    /// <summary>Writes an error line to standard error.</summary>
    public void Fail(string message) => Error.WriteLine($"waymark: {message}");
}
