using Waymark.Engine.Snapshot;

namespace Waymark.Engine.Tests.Snapshot;

public sealed class AppendTests
{
    [Fact]
    public void Append_LateEvent_LandsInTimeOrder_AndOldSnapshotIsUnchanged()
    {
        var first = Some.Log(("a", 10, "signed"), ("a", 30, "used"), ("b", 5, "signed"));
        var builder = EventLog.Builder.From(first);
        builder.AddEvent("a", Some.Day0 + (20 * Some.Minute), "invited");
        builder.AddEvent("c", Some.Day0, "signed");

        var second = builder.Build();

        Assert.Equal(["signed", "invited", "used", "signed", "signed"], Some.Flatten(second).Select(e => e.Name));
        Assert.Equal(["a", "a", "a", "b", "c"], Some.Flatten(second).Select(e => e.Subject));
        Assert.Equal(3, first.EventCount);
        Assert.Equal(["signed", "used", "signed"], Some.Flatten(first).Select(e => e.Name));
    }

    [Fact]
    public void Append_ManyBatchesInRandomOrder_EqualsOneBuild()
    {
        var random = new Random(7);
        var events = Enumerable.Range(0, 3000)
            .Select(i => (Subject: $"s{random.Next(150)}", Time: Some.Day0 + random.Next(500), Name: $"e{random.Next(6)}", Props: $"{{\"n\":{i % 7}}}"))
            .ToArray();

        var whole = new EventLog.Builder(SubjectKind.Person) { PartitionTarget = 64 };
        foreach (var e in events)
        {
            whole.AddEvent(e.Subject, e.Time, e.Name, e.Props);
        }

        var expected = whole.Build();
        var grown = new EventLog.Builder(SubjectKind.Person) { PartitionTarget = 64 }.Build();
        var loadedEarly = false;
        foreach (var batch in events.Chunk(170))
        {
            var builder = new EventLog.Builder(SubjectKind.Person);
            builder = EventLog.Builder.From(grown);
            foreach (var e in batch)
            {
                builder.AddEvent(e.Subject, e.Time, e.Name, e.Props);
            }

            grown = builder.Build();
            if (!loadedEarly)
            {
                _ = grown.Property("n");
                loadedEarly = true;
            }
        }

        Assert.Equal(Some.Flatten(expected), Some.Flatten(grown));
        Assert.Equal(PropertyTexts(expected), PropertyTexts(grown));
        Assert.All(grown.Partitions.Take(grown.Partitions.Count - 1), p => Assert.True(p.EventCount <= 2 * 64 + 40));
    }

    private static List<string> PropertyTexts(EventLog log)
    {
        var column = log.Property("n");
        var texts = new List<string>();
        for (var p = 0; p < log.Partitions.Count; p++)
        {
            foreach (var code in column.Codes(p))
            {
                texts.Add(column.Values.Text(code));
            }
        }

        return texts;
    }
}
