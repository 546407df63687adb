namespace Waymark.Twins.ChDb;

/// <summary>
/// Finds libchdb.so: <c>$WAYMARK_LIBCHDB</c> when set, else the copy that
/// <c>scripts/install-chdb.sh</c> puts in <c>.tools/chdb</c> of the nearest repository above
/// <see cref="AppContext.BaseDirectory"/>.
/// </summary>
internal static class LibChDbLocator
{
    /// <summary>The environment variable that names libchdb.so, overriding the search.</summary>
    public const string EnvironmentVariable = "WAYMARK_LIBCHDB";

    /// <summary>Where <c>scripts/install-chdb.sh</c> puts the library, relative to the repository.</summary>
    public static readonly string InstalledPath = Path.Combine(
        ".tools", "chdb", "node_modules", "@chdb", "lib-linux-x64-gnu", "libchdb.so");

    /// <summary>The path of libchdb.so; throws <see cref="ChDbLibraryNotFoundException"/> naming every place looked at.</summary>
    public static string Find() =>
        Find(Environment.GetEnvironmentVariable(EnvironmentVariable), AppContext.BaseDirectory);

    /// <summary>The search itself, with its inputs given (for tests).</summary>
    public static string Find(string? fromEnvironment, string start)
    {
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return File.Exists(fromEnvironment) ? Path.GetFullPath(fromEnvironment)
                : throw new ChDbLibraryNotFoundException([fromEnvironment], $"${EnvironmentVariable} names {fromEnvironment}, which does not exist");
        }

        var searched = new List<string>();
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, InstalledPath);
            if (File.Exists(candidate))
            {
                return candidate;
            }

            searched.Add(candidate);
        }

        throw new ChDbLibraryNotFoundException(searched, $"${EnvironmentVariable} is not set and no {InstalledPath} is in {start} or a folder above it");
    }
}
