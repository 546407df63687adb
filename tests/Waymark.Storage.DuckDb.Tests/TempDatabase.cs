namespace Waymark.Storage.DuckDb.Tests;

/// <summary>A database file in a fresh temporary folder, removed afterwards.</summary>
internal sealed class TempDatabase : IDisposable
{
    public TempDatabase() => Directory.CreateDirectory(Folder);

    public string Folder { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "waymark-tests", Guid.NewGuid().ToString("N"));

    public string Path => System.IO.Path.Combine(Folder, "waymark.db");

    public DuckDbEventStore Open() => DuckDbEventStore.Open(Path);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A test that failed may still hold the file; the temp folder is cleaned by the OS.
        }
    }
}
