using Waymark.Core.Model;
using Waymark.Engine.Snapshot;

namespace Waymark.Storage.DuckDb.Tests;

public sealed class SnapshotFileTests
{
    /// <summary>Every event as "subject time name row n=property", in snapshot order, plus the tables, rows covered and traits.</summary>
    private static List<string> Describe(EventLog log)
    {
        var lines = new List<string> { $"rows {log.SourceRows}", $"names {string.Join(",", log.Names)}", $"subjects {string.Join(",", log.Subjects)}" };
        var n = log.Property("n");
        for (var p = 0; p < log.Partitions.Count; p++)
        {
            var partition = log.Partitions[p];
            for (var s = 0; s < partition.SubjectCount; s++)
            {
                for (var i = partition.Offsets[s]; i < partition.Offsets[s + 1]; i++)
                {
                    lines.Add($"{log.Subjects[partition.FirstSubject + s]} {partition.Times[i]} {log.Names[partition.Names[i]]} {partition.Rows[i]} n={n.Values.Text(n.Codes(p)[i])}");
                }
            }
        }

        var plan = log.Trait("plan");
        lines.AddRange(Enumerable.Range(0, log.SubjectCount).Select(s => $"{log.Subjects[s]} plan={plan.Values.Text(plan.Codes[s])}"));
        return lines;
    }

    private static Event Numbered(string id, string name, string? person, int minute, int n, string? account = null) =>
        Some.Event(id, name, person, minute, account) with { Properties = Properties.Parse($$"""{"n":{{n}}}""") };

    private static void Append(DuckDbEventStore store, params Event[] events)
    {
        using var session = store.BeginAppend();
        session.Append(Some.Batch(events));
    }

    private static void Append(DuckDbEventStore store, params ProfileMessage[] messages)
    {
        using var session = store.BeginAppend();
        session.Append(Some.Batch(messages));
    }

    private static Event Anonymous(string id, string anonymous, int minute) =>
        new() { MessageId = id, Timestamp = Some.Time.AddMinutes(minute), AnonymousId = anonymous, Name = "page_viewed", Actor = Actor.Customer };

    /// <summary>A store with people, an anonymous visitor, traits, an account and 300 events over 40 people.</summary>
    private static void Seed(DuckDbEventStore store)
    {
        Append(store,
            new IdentifyMessage { MessageId = "i1", Timestamp = Some.Time, PersonId = "p1", Traits = Some.Traits("""{"plan":"pro"}""") },
            new GroupMessage { MessageId = "g1", Timestamp = Some.Time, PersonId = "p1", AccountId = "acme", Traits = Some.Traits("""{"plan":"enterprise"}""") });
        var random = new Random(5);
        Append(store, [.. Enumerable.Range(0, 300).Select(i => Numbered($"e{i}", $"n{random.Next(6)}", $"p{random.Next(40)}", random.Next(5000), i, i % 3 == 0 ? "acme" : null)),
            Anonymous("a1", "anon-1", 7)]);
    }

    /// <summary>Opens the store again, as a new process would, with snapshot files in use.</summary>
    private static DuckDbEventStore Reopen(TempDatabase db)
    {
        var store = db.Open();
        store.UsesSnapshotFiles = true;
        store.SnapshotFileLagRows = 1;
        return store;
    }

    /// <summary>Seeds the store, builds its snapshot (writing the file), then stores what <paramref name="since"/> appends.</summary>
    private static long SeedWithFile(TempDatabase db, SubjectKind kind, Action<DuckDbEventStore>? since = null)
    {
        using var store = Reopen(db);
        Seed(store);
        var events = store.LoadSnapshot(kind).EventCount;
        since?.Invoke(store);
        return events;
    }

    private static List<string> FreshBuild(TempDatabase db, SubjectKind kind)
    {
        using var store = db.Open();
        return Describe(store.LoadSnapshot(kind));
    }

    [Theory]
    [InlineData(SubjectKind.Person)]
    [InlineData(SubjectKind.Account)]
    public void LoadSnapshot_FileThenNewAndLateEvents_EqualsAFreshBuild(SubjectKind kind)
    {
        using var db = new TempDatabase();
        using (var store = Reopen(db))
        {
            Seed(store);
            store.LoadSnapshot(kind);
            Assert.Equal(SnapshotFileStatus.Missing, store.LastSnapshotFile(kind));
            Assert.True(File.Exists(db.Path + $".snapshot-{kind.ToString().ToLowerInvariant()}"));
            Append(store, Numbered("late", "n1", "p3", -50, 1000, "acme"), Numbered("new", "n9", "p77", 9000, 1001), Numbered("new2", "n2", "p1", 10, 1002));
        }

        using var reopened = Reopen(db);

        var loaded = Describe(reopened.LoadSnapshot(kind));

        Assert.Equal(SnapshotFileStatus.Loaded, reopened.LastSnapshotFile(kind));
        Assert.Contains(loaded, line => line.StartsWith(kind == SubjectKind.Person ? "p77 " : "acme ", StringComparison.Ordinal) && line.Contains("n=100", StringComparison.Ordinal));
        Assert.Equal(FreshBuild(db, kind), loaded);
    }

    [Fact]
    public void LoadSnapshot_AnonymousEventsMergedIntoAPersonSinceTheFile_BuildsAgainAndEqualsAFreshBuild()
    {
        using var db = new TempDatabase();
        SeedWithFile(db, SubjectKind.Person, store => Append(store, new IdentifyMessage { MessageId = "i2", Timestamp = Some.Time, PersonId = "p2", AnonymousId = "anon-1" }));

        using var reopened = Reopen(db);

        var loaded = Describe(reopened.LoadSnapshot(SubjectKind.Person));

        Assert.Equal(SnapshotFileStatus.Stale, reopened.LastSnapshotFile(SubjectKind.Person));
        Assert.Contains(loaded, line => line.StartsWith("p2 ", StringComparison.Ordinal) && line.Contains("page_viewed", StringComparison.Ordinal));
        Assert.Equal(FreshBuild(db, SubjectKind.Person), loaded);
    }

    [Fact]
    public void LoadSnapshot_APersonJoinedTheirFirstAccountSinceTheFile_BuildsAgainAndEqualsAFreshBuild()
    {
        using var db = new TempDatabase();
        var before = SeedWithFile(db, SubjectKind.Account, store => Append(store, new GroupMessage { MessageId = "g2", Timestamp = Some.Time, PersonId = "p5", AccountId = "acme" }));

        using var reopened = Reopen(db);

        var loaded = reopened.LoadSnapshot(SubjectKind.Account);

        Assert.Equal(SnapshotFileStatus.Stale, reopened.LastSnapshotFile(SubjectKind.Account));
        Assert.True(loaded.EventCount > before);
        Assert.Equal(FreshBuild(db, SubjectKind.Account), Describe(loaded));
    }

    [Fact]
    public void LoadSnapshot_APersonsOnlyAccountGotItsFirstEventSinceTheFile_BuildsAgainAndEqualsAFreshBuild()
    {
        using var db = new TempDatabase();
        long before;
        using (var store = Reopen(db))
        {
            Seed(store);
            Append(store, new GroupMessage { MessageId = "g2", Timestamp = Some.Time, PersonId = "p5", AccountId = "globex" });
            before = store.LoadSnapshot(SubjectKind.Account).EventCount;
            Append(store, Numbered("first-globex", "n1", "p6", 1, 2000, "globex"));
        }

        using var reopened = Reopen(db);

        var loaded = reopened.LoadSnapshot(SubjectKind.Account);

        Assert.Equal(SnapshotFileStatus.Stale, reopened.LastSnapshotFile(SubjectKind.Account));
        Assert.True(loaded.EventCount > before + 1);
        Assert.Equal(FreshBuild(db, SubjectKind.Account), Describe(loaded));
    }

    [Fact]
    public void RefreshSnapshot_IdentityMergedInTheSameProcess_EqualsAFreshBuild()
    {
        using var db = new TempDatabase();
        using var store = db.Open();
        Seed(store);
        var before = store.LoadSnapshot(SubjectKind.Person);
        Append(store, new IdentifyMessage { MessageId = "i2", Timestamp = Some.Time, PersonId = "p2", AnonymousId = "anon-1" });

        var after = store.RefreshSnapshot(before);

        Assert.NotSame(before, after);
        Assert.Equal(FreshBuild(db, SubjectKind.Person), Describe(after));
    }

    [Theory]
    [InlineData("truncated", SnapshotFileStatus.Corrupt)]
    [InlineData("flipped", SnapshotFileStatus.Corrupt)]
    [InlineData("version", SnapshotFileStatus.OtherVersion)]
    [InlineData("empty", SnapshotFileStatus.Corrupt)]
    public void LoadSnapshot_DamagedFile_BuildsFromTheStoreAndWritesTheFileAgain(string damage, SnapshotFileStatus status)
    {
        using var db = new TempDatabase();
        var path = db.Path + ".snapshot-person";
        SeedWithFile(db, SubjectKind.Person);

        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, damage switch
        {
            "truncated" => bytes[..^9],
            "flipped" => [.. bytes[..^20], (byte)(bytes[^20] ^ 1), .. bytes[^19..]],
            "version" => [.. bytes[..8], 2, .. bytes[9..]],
            _ => [],
        });
        using var reopened = Reopen(db);

        var loaded = Describe(reopened.LoadSnapshot(SubjectKind.Person));

        Assert.Equal(status, reopened.LastSnapshotFile(SubjectKind.Person));
        Assert.Equal(FreshBuild(db, SubjectKind.Person), loaded);
        using var third = Reopen(db);
        third.LoadSnapshot(SubjectKind.Person);
        Assert.Equal(SnapshotFileStatus.Loaded, third.LastSnapshotFile(SubjectKind.Person));
    }

    [Fact]
    public void LoadSnapshot_FileOfAnotherStoreAtTheSamePath_IsStale()
    {
        using var db = new TempDatabase();
        SeedWithFile(db, SubjectKind.Person);
        var file = File.ReadAllBytes(db.Path + ".snapshot-person");
        File.Delete(db.Path);
        using (var other = db.Open())
        {
            Append(other, [.. Enumerable.Range(0, 400).Select(i => Numbered($"o{i}", "n1", $"q{i % 7}", i, i))]);
        }

        File.WriteAllBytes(db.Path + ".snapshot-person", file);
        using var reopened = Reopen(db);

        var loaded = Describe(reopened.LoadSnapshot(SubjectKind.Person));

        Assert.Equal(SnapshotFileStatus.Stale, reopened.LastSnapshotFile(SubjectKind.Person));
        Assert.Equal(FreshBuild(db, SubjectKind.Person), loaded);
    }
}
