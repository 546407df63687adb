using Waymark.Core.Model;
using Waymark.Engine.Snapshot;

namespace Waymark.Storage.DuckDb.Tests;

public sealed class SnapshotTests
{
    private static List<string> Flatten(EventLog log)
    {
        var list = new List<string>();
        foreach (var partition in log.Partitions)
        {
            for (var s = 0; s < partition.SubjectCount; s++)
            {
                for (var i = partition.Offsets[s]; i < partition.Offsets[s + 1]; i++)
                {
                    var minute = (TimeRange.ToDateTime(partition.Times[i]) - Some.Time).TotalMinutes;
                    list.Add($"{log.Subjects[partition.FirstSubject + s]} {minute} {log.Names[partition.Names[i]]}");
                }
            }
        }

        return list;
    }

    [Fact]
    public void LoadSnapshot_ByPerson_SortsByTimeAndResolvesIdentities()
    {
        using var db = new TempDatabase();
        using var store = db.Open();
        using (var session = store.BeginAppend())
        {
            session.Append(Some.Batch(
                Some.Event("1", "signed", person: "p1", minute: 5),
                Some.Event("2", "viewed", person: "p2", minute: 1),
                Some.Event("3", "invited", person: "p1", minute: 2),
                new Event { MessageId = "4", Timestamp = Some.Time.AddMinutes(9), AnonymousId = "anon-7", Name = "page_viewed", Actor = Actor.Customer }));
            session.Append(Some.Batch(new IdentifyMessage { MessageId = "5", Timestamp = Some.Time, PersonId = "p2", AnonymousId = "anon-7" }));
        }

        var log = store.LoadSnapshot(SubjectKind.Person);

        Assert.Equal(["p1 2 invited", "p1 5 signed", "p2 1 viewed", "p2 9 page_viewed"], Flatten(log));
        Assert.Equal(4, log.SourceRows);
    }

    [Fact]
    public void LoadSnapshot_ByAccount_UsesThePersonsOnlyAccountWhenAnEventHasNone()
    {
        using var db = new TempDatabase();
        using var store = db.Open();
        using (var session = store.BeginAppend())
        {
            session.Append(Some.Batch(new GroupMessage { MessageId = "g", Timestamp = Some.Time, PersonId = "p1", AccountId = "acme", Traits = Some.Traits("""{"segment":"enterprise"}""") }));
            session.Append(Some.Batch(
                Some.Event("1", "signed", person: "p1", minute: 5, account: "acme"),
                Some.Event("2", "viewed", person: "p1", minute: 1),
                Some.Event("3", "viewed", person: "stranger", minute: 1)));
        }

        var log = store.LoadSnapshot(SubjectKind.Account);

        Assert.Equal(["acme 1 viewed", "acme 5 signed"], Flatten(log));
        var segment = log.Trait("segment");
        Assert.Equal("enterprise", segment.Values.Text(segment.Codes[log.Subjects.CodeOf("acme")]));
    }

    [Fact]
    public void RefreshSnapshot_AddsNewAndLateEvents_WithTheirProperties()
    {
        using var db = new TempDatabase();
        using var store = db.Open();
        using (var session = store.BeginAppend())
        {
            session.Append(Some.Batch(Some.Event("1", "viewed", minute: 5) with { Properties = Properties.Parse("""{"n":1}""") }));
        }

        var first = store.LoadSnapshot(SubjectKind.Person);
        Assert.Equal("1", first.Property("n").Values.Text(first.Property("n").Codes(0)[0]));
        using (var session = store.BeginAppend())
        {
            session.Append(Some.Batch(
                Some.Event("2", "late", minute: 1) with { Properties = Properties.Parse("""{"n":"two"}""") },
                Some.Event("3", "viewed", person: "p9", minute: 7)));
        }

        var second = store.RefreshSnapshot(first);

        Assert.Equal(["p1 1 late", "p1 5 viewed", "p9 7 viewed"], Flatten(second));
        var n = second.Property("n");
        Assert.Equal(["two", "1", ""], second.Partitions.SelectMany((_, p) => n.Codes(p).ToArray()).Select(n.Values.Text));
        Assert.Same(second, store.RefreshSnapshot(second));
        Assert.Single(Flatten(first));
    }

    [Fact]
    public void LoadSnapshot_ReadInParallelSlices_EqualsOneReader()
    {
        using var db = new TempDatabase();
        using var store = db.Open();
        var random = new Random(11);
        using (var session = store.BeginAppend())
        {
            var events = Enumerable.Range(0, 5000)
                .Select(i => Some.Event($"m{i}", $"e{random.Next(7)}", person: $"p{random.Next(300)}", minute: random.Next(10_000)))
                .ToArray();
            session.Append(Some.Batch(events));
        }

        var whole = Flatten(store.LoadSnapshot(SubjectKind.Person));
        store.SnapshotSliceRows = 100;

        var sliced = store.LoadSnapshot(SubjectKind.Person);

        Assert.Equal(5000, sliced.EventCount);
        Assert.Equal(whole, Flatten(sliced));
        Assert.Equal(5000, sliced.SourceRows);
    }

    [Fact]
    public void RefreshSnapshot_OfAnEmptyStore_TakesTheFirstEvents()
    {
        using var db = new TempDatabase();
        using var store = db.Open();
        var empty = store.LoadSnapshot(SubjectKind.Person);
        Assert.Equal(0, empty.EventCount);
        Assert.Same(empty, store.RefreshSnapshot(empty));
        using (var session = store.BeginAppend())
        {
            session.Append(Some.Batch(Some.Event("1", "viewed", minute: 3), Some.Event("2", "signed", person: "p2", minute: 1)));
        }

        var first = store.RefreshSnapshot(empty);

        Assert.Equal(["p1 3 viewed", "p2 1 signed"], Flatten(first));
    }
}
