using Waymark.Engine.Snapshot;

namespace Waymark.Engine.Tests.Snapshot;

public sealed class CountedBuilderTests
{
    private static readonly string[] Subjects = ["a", "b", "c"];
    private static readonly string[] Names = ["x", "y"];

    // Two slices, as two readers of disjoint row ranges would write them: (subject, minute, name, row).
    private static readonly (int Subject, long Minute, int Name, int Row)[][] Slices =
    [
        [(1, 5, 0, 0), (0, 9, 1, 1), (1, 2, 1, 2)],
        [(0, 1, 0, 3), (1, 5, 1, 4), (2, 7, 0, 5), (0, 9, 0, 6)],
    ];

    private static int[][] Count()
    {
        return [.. Slices.Select(slice => Enumerable.Range(0, Subjects.Length).Select(s => slice.Count(e => e.Subject == s)).ToArray())];
    }

    private static void Write(EventLog.CountedBuilder builder, int slice)
    {
        foreach (var (subject, minute, name, row) in Slices[slice])
        {
            builder.Writer(slice).Add(subject, Some.Day0 + (minute * Some.Minute), name, row);
        }
    }

    [Fact]
    public void Build_SlicesWrittenInAnyOrder_EqualsTheBuilderOfTheSameEvents()
    {
        var counted = new EventLog.CountedBuilder(SubjectKind.Person, Subjects, Names, Count(), partitionTarget: 3);
        Write(counted, 1);
        Write(counted, 0);
        var plain = new EventLog.Builder(SubjectKind.Person) { PartitionTarget = 3 };
        plain.SetSubjectIds(Subjects);
        plain.SetNames(Names);
        foreach (var e in Slices.SelectMany(s => s))
        {
            plain.Add([e.Subject], [Some.Day0 + (e.Minute * Some.Minute)], [e.Name], [e.Row]);
        }

        var log = counted.Build(7, null, null);

        var expected = plain.Build();
        Assert.Equal(Some.Flatten(expected), Some.Flatten(log));
        Assert.Equal([3, 3, 1], log.Partitions.Select(p => p.EventCount));
        Assert.Equal(7, log.SourceRows);
    }

    [Fact]
    public void Build_ASliceWroteFewerEventsThanCounted_Throws()
    {
        var counted = new EventLog.CountedBuilder(SubjectKind.Person, Subjects, Names, Count());
        Write(counted, 0);

        Assert.Throws<InvalidOperationException>(() => counted.Build(7, null, null));
    }

    [Fact]
    public void Add_MoreEventsOfASubjectThanCounted_Throws()
    {
        var counted = new EventLog.CountedBuilder(SubjectKind.Person, Subjects, Names, Count());
        Write(counted, 0);

        Assert.Throws<InvalidOperationException>(() => counted.Writer(0).Add(1, Some.Day0, 0, 9));
    }
}
