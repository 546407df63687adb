using Waymark.Engine.Snapshot;

namespace Waymark.Engine.Tests.Snapshot;

public sealed class EventLogTests
{
    [Fact]
    public void Build_SortsBySubjectCodeThenTimeThenRow()
    {
        var log = Some.Log(("b", 5, "x"), ("a", 9, "late"), ("a", 1, "early"), ("b", 5, "tie-second"), ("a", 1, "tie"));

        var events = Some.Flatten(log);

        Assert.Equal(
            ["b x 5", "b tie-second 5", "a early 1", "a tie 1", "a late 9"],
            events.Select(e => $"{e.Subject} {e.Name} {(e.Time - Some.Day0) / Some.Minute}"));
        Assert.Equal([0, 3, 2, 4, 1], events.Select(e => e.Row));
        Assert.Equal(5, log.EventCount);
        Assert.Equal(2, log.SubjectCount);
    }

    [Fact]
    public void Build_SmallTarget_CutsPartitionsAtSubjectBoundaries()
    {
        var builder = new EventLog.Builder(SubjectKind.Account) { PartitionTarget = 4 };
        for (var s = 0; s < 10; s++)
        {
            for (var e = 0; e < 3; e++)
            {
                builder.AddEvent($"acct-{s}", Some.Day0 + e, "used");
            }
        }

        var log = builder.Build();

        Assert.True(log.Partitions.Count > 1);
        Assert.Equal(30, log.Partitions.Sum(p => p.EventCount));
        var next = 0;
        foreach (var partition in log.Partitions)
        {
            Assert.Equal(next, partition.FirstSubject);
            next += partition.SubjectCount;
            Assert.All(Enumerable.Range(0, partition.SubjectCount), s => Assert.Equal(3, partition.Offsets[s + 1] - partition.Offsets[s]));
        }

        Assert.Equal(10, next);
        Assert.Equal(log.Partitions.Count - 1, log.PartitionOf(9));
        Assert.Equal(-1, log.PartitionOf(10));
    }

    [Fact]
    public void Build_NoEvents_IsEmpty()
    {
        var log = new EventLog.Builder(SubjectKind.Person).Build();

        Assert.Equal(0, log.EventCount);
        Assert.Empty(log.Partitions);
    }

    [Fact]
    public void Add_Codes_MustHaveEqualLengths()
    {
        var builder = new EventLog.Builder(SubjectKind.Person);

        Assert.Throws<ArgumentException>(() => builder.Add([1, 2], [1L], [0], [0]));
    }

    [Fact]
    public void Add_Codes_NegativeSubjectIsSkipped()
    {
        var builder = new EventLog.Builder(SubjectKind.Account);
        builder.SetSubjectIds(["acme", "globex"]);
        builder.SetNames(["signed", "used"]);

        builder.Add([1, -1, 0], [30L, 20L, 10L], [1, 0, 0], [0, 1, 2]);
        var events = Some.Flatten(builder.Build());

        Assert.Equal([("acme", 10L, "signed", 2), ("globex", 30L, "used", 0)], events);
    }

    [Fact]
    public void Bytes_AreSixteenPerEventPlusFourPerSubject()
    {
        var log = Some.Log(("a", 1, "x"), ("a", 2, "y"), ("b", 1, "x"));

        Assert.Equal((3 * 16) + ((2 + 1) * 4), log.Bytes);
    }
}
