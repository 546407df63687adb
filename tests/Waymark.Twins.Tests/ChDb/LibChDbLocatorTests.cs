using Waymark.Tests;
using Waymark.Twins.ChDb;

namespace Waymark.Twins.Tests.ChDb;

public sealed class LibChDbLocatorTests
{
    [Fact]
    public void InstalledCopy_InAFolderAbove_IsFound()
    {
        using var repository = new TempFolder();
        var library = Path.Combine(repository.Path, LibChDbLocator.InstalledPath);
        Directory.CreateDirectory(Path.GetDirectoryName(library)!);
        File.WriteAllBytes(library, [0x7f]);
        var start = Directory.CreateDirectory(Path.Combine(repository.Path, "tests", "bin", "Release")).FullName;

        Assert.Equal(library, LibChDbLocator.Find(fromEnvironment: null, start));
    }

    [Fact]
    public void EnvironmentVariable_WinsOverTheSearch()
    {
        using var folder = new TempFolder();
        var library = folder.File("libchdb.so");
        File.WriteAllBytes(library, [0x7f]);

        Assert.Equal(library, LibChDbLocator.Find(library, "/"));
    }

    [Fact]
    public void Missing_ThrowsWithWhereItLookedAndHowToInstall()
    {
        using var folder = new TempFolder();

        var error = Assert.Throws<ChDbLibraryNotFoundException>(() => LibChDbLocator.Find(null, folder.Path));

        Assert.Equal(Path.Combine(folder.Path, LibChDbLocator.InstalledPath), error.Searched[0]);
        Assert.Equal(Path.Combine("/", LibChDbLocator.InstalledPath), error.Searched[^1]);
        Assert.Contains("bash scripts/install-chdb.sh", error.Message, StringComparison.Ordinal);
        Assert.Contains(folder.Path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnvironmentVariable_NamingNoFile_ThrowsNamingIt()
    {
        var error = Assert.Throws<ChDbLibraryNotFoundException>(() => LibChDbLocator.Find("/nowhere/libchdb.so", "/"));

        Assert.Equal(["/nowhere/libchdb.so"], error.Searched);
        Assert.Contains("WAYMARK_LIBCHDB", error.Message, StringComparison.Ordinal);
        Assert.Contains("bash scripts/install-chdb.sh", error.Message, StringComparison.Ordinal);
    }
}
