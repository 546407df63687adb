using Waymark.App.Import;
using Waymark.Simulation;
using Waymark.Tests;

namespace Waymark.App.Tests;

public sealed class WorkspaceTests
{
    [Fact]
    public void ResolveDatabasePath_PrefersTheArgument_ThenTheDefault()
    {
        Assert.Equal("/x/given.db", Workspace.ResolveDatabasePath("/x/given.db"));
        var fromEnvironment = Environment.GetEnvironmentVariable(Workspace.DatabaseVariable);
        Assert.Equal(string.IsNullOrWhiteSpace(fromEnvironment) ? Workspace.DefaultDatabase : fromEnvironment, Workspace.ResolveDatabasePath(null));
    }

    [Fact]
    public void Import_ReportsProgressUpToTheWholeFile_AndCountsPerFile()
    {
        using var folder = new TempFolder();
        using var workspace = Workspace.Open(folder.Database);
        var seen = new List<ImportProgress>();
        var receipt = SharedData.EventLog("receipt.xes.gz");

        var report = workspace.Import([receipt, SharedData.EventLog("running-example.xes")],
            new ImportOptions { BatchSize = 1000 }, new Collect(seen));

        Assert.Equal(2, report.Files.Count);
        Assert.Equal(8577 + 1434, report.Files[0].Result.Accepted);
        Assert.Equal(42 + 6, report.Files[1].Result.Accepted);
        Assert.False(report.AnyFileRefused);
        var first = seen.Where(p => p.FileIndex == 0).ToList();
        Assert.True(first.Count >= 9, $"expected a report per batch of 1000, got {first.Count}");
        Assert.Equal(new FileInfo(receipt).Length, first[^1].BytesRead);
        Assert.All(first.Zip(first.Skip(1)), pair => Assert.True(pair.Second.Messages > pair.First.Messages));
        Assert.Equal(8577 + 1434 + 42 + 6, seen[^1].Messages);
    }

    [Fact]
    public void Simulate_IntoTheStore_StoresWhatItSimulated()
    {
        using var folder = new TempFolder();
        using var workspace = Workspace.Open(folder.Database);

        var report = workspace.Simulate(new SimulationOptions { Seed = 5, Accounts = 10 });

        Assert.NotNull(report.Stored);
        Assert.Equal(report.Summary.Events + report.Summary.ProfileMessages, report.Stored.Value.Accepted);
        Assert.Equal(report.Summary.Events, workspace.Stats().Events);
        Assert.Equal(10, workspace.Stats().Accounts);
    }

    [Fact]
    public void Snapshot_ASecondWorkspaceOnTheStore_GetsTheSameSnapshotFromTheFileBesideIt()
    {
        using var folder = new TempFolder();
        List<string> first;
        using (var workspace = Workspace.Open(folder.Database))
        {
            workspace.Simulate(new SimulationOptions { Seed = 5, Accounts = 10 });
            first = Flatten(workspace.Snapshot(Engine.Snapshot.SubjectKind.Person));
        }

        var file = new FileInfo(folder.Database + ".snapshot-person");
        Assert.True(file.Exists);
        var written = file.LastWriteTimeUtc;
        using var again = Workspace.Open(folder.Database);

        var second = Flatten(again.Snapshot(Engine.Snapshot.SubjectKind.Person));

        Assert.Equal(first, second);
        Assert.True(first.Count > 100);
        Assert.Equal(written, new FileInfo(file.FullName).LastWriteTimeUtc);
    }

    private static List<string> Flatten(Engine.Snapshot.EventLog log) =>
        [.. log.Partitions.SelectMany(p => Enumerable.Range(0, p.SubjectCount).SelectMany(s =>
            Enumerable.Range(p.Offsets[s], p.Offsets[s + 1] - p.Offsets[s]).Select(i => $"{log.Subjects[p.FirstSubject + s]} {p.Times[i]} {log.Names[p.Names[i]]} {p.Rows[i]}")))];

    private sealed class Collect(List<ImportProgress> into) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => into.Add(value);
    }
}
