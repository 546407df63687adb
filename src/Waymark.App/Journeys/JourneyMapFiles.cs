using Waymark.Core.Journeys;

namespace Waymark.App.Journeys;

/// <summary>Journey-map files as users name them on a command line: files, or folders of maps.</summary>
public static class JourneyMapFiles
{
    /// <summary>The extensions a folder is searched for: <c>.yaml</c> and <c>.yml</c>.</summary>
    public static IReadOnlyList<string> Extensions { get; } = [".yaml", ".yml"];

    /// <summary>
    /// Reads every map: a file as given (whatever its extension), a folder as every <c>.yaml</c> and
    /// <c>.yml</c> file under it, in ordinal path order. A path that does not exist is one error of that path.
    /// </summary>
    public static IReadOnlyList<JourneyMapResult> Read(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var results = new List<JourneyMapResult>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var files = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal);
                results.AddRange(files.Select(JourneyMapReader.ReadFile));
            }
            else
            {
                results.Add(JourneyMapReader.ReadFile(path));
            }
        }

        return results;
    }
}
