namespace Waymark.Tests;

/// <summary>
/// Finds the team's shared real data (<c>shared/data</c>, beside the repository): from
/// <c>$WAYMARK_SHARED_DATA</c>, else the nearest <c>shared/data</c> above the test binaries or
/// the current folder, else <c>/work/shared/data</c>. Tests that need it fail, never skip,
/// when it is missing.
/// </summary>
internal static class SharedData
{
    private static readonly Lazy<string> Root = new(Find);

    /// <summary>The path of a file under <c>shared/data</c>, such as <c>eventlogs/receipt.xes.gz</c>.</summary>
    public static string File(string relative) => Path.Combine(Root.Value, relative);

    /// <summary>The path of a log in <c>shared/data/eventlogs</c>.</summary>
    public static string EventLog(string name) => File(Path.Combine("eventlogs", name));

    private static string Find()
    {
        if (Environment.GetEnvironmentVariable("WAYMARK_SHARED_DATA") is { Length: > 0 } fromEnvironment)
        {
            return fromEnvironment;
        }

        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                var candidate = Path.Combine(folder.FullName, "shared", "data");
                if (Directory.Exists(Path.Combine(candidate, "eventlogs")))
                {
                    return candidate;
                }
            }
        }

        const string Default = "/work/shared/data";
        return Directory.Exists(Default) ? Default
            : throw new DirectoryNotFoundException("shared/data not found above the tests or at /work/shared/data; set WAYMARK_SHARED_DATA");
    }
}
