using Waymark.Tests;

namespace Waymark.Cli.Tests;

public sealed class DemoCommandTests
{
    [Fact]
    public void Demo_InTheRepository_SimulatesThenShowsEveryExampleJourneyByStatus()
    {
        using var folder = new TempFolder();
        var db = folder.File("demo.db");
        var root = Path.GetDirectoryName(RepositoryFolder.Journeys)!;

        using var process = WaymarkProcess.StartIn(root, "demo", "--events", "20000", "--db", db);
        process.WaitForExit(TimeSpan.FromMinutes(5));

        Assert.True(process.ExitCode == ExitCodes.Ok, process.Stderr);
        var output = process.Stdout;
        Assert.Contains("Journey instances by status at", output, StringComparison.Ordinal);
        foreach (var map in Directory.GetFiles(RepositoryFolder.Journeys, "*.yaml"))
        {
            Assert.Contains(Path.GetFileNameWithoutExtension(map)[..6], output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Demo_WithoutMaps_ShowsTheStatsOnly()
    {
        using var folder = new TempFolder();
        var db = folder.File("demo.db");

        using var process = WaymarkProcess.StartIn(folder.Path, "demo", "--events", "5000", "--db", db);
        process.WaitForExit(TimeSpan.FromMinutes(5));

        Assert.True(process.ExitCode == ExitCodes.Ok, process.Stderr);
        Assert.DoesNotContain("Journey instances", process.Stdout, StringComparison.Ordinal);
        Assert.Contains("Events", process.Stdout, StringComparison.OrdinalIgnoreCase);
    }
}
