using System.CommandLine;
using Waymark.App;

namespace Waymark.Cli;

/// <summary>Options every command takes.</summary>
internal static class GlobalOptions
{
    public static readonly Option<string?> Database = new("--db")
    {
        Description = $"The database file [default: ${Workspace.DatabaseVariable}, else ./{Workspace.DefaultDatabase}]",
        Recursive = true,
    };

    public static Option<bool> Json() => new("--json") { Description = "Write the result as JSON to standard output" };
}
