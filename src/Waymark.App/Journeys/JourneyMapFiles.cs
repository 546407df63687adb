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

    /// <summary>
    /// One message per map id that more than one valid file declares (ids name journeys everywhere,
    /// so they must be unique across files): the id and every file declaring it.
    /// </summary>
    public static IReadOnlyList<string> DuplicateIds(IReadOnlyList<JourneyMapResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        return [.. results.Where(r => r.Map is not null).GroupBy(r => r.Map!.Id, StringComparer.Ordinal).Where(g => g.Count() > 1)
            .Select(g => $"{g.Skip(1).First().Source}: map id '{g.Key}' is already the id of {g.First().Source}; expected one map per id (ids name journeys in instances, tasks and history)")];
    }
}
