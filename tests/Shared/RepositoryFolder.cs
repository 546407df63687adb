namespace Waymark.Tests;

/// <summary>Folders of this repository, found from the test binaries (the nearest folder above them with Waymark.slnx).</summary>
internal static class RepositoryFolder
{
    private static readonly Lazy<string> Root = new(Find);

    /// <summary>The example journey maps: <c>journeys/</c> at the repository root.</summary>
    public static string Journeys => Path.Combine(Root.Value, "journeys");

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Waymark.slnx")))
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException("no Waymark.slnx above " + AppContext.BaseDirectory);
    }
}
