namespace Waymark.Engine.Snapshot;

/// <summary>
/// Builds sorted partitions from unordered event columns: a counting sort by subject (one pass
/// to count, one to scatter straight into each partition's arrays, stable so source order
/// breaks ties), then a sort by time within each subject whose events are not already in order.
/// </summary>
internal static class Partitioner
{
    /// <summary>The default number of events a partition aims for; a subject is never split.</summary>
    public const int DefaultTarget = 1 << 18;

    public static EventLogPartition[] Build(EventColumns input, int subjectCount, int target)
    {
        var counts = new int[subjectCount + 1];
        var subjects = input.Subjects;
        for (var i = 0; i < input.Count; i++)
        {
            counts[subjects[i]]++;
        }

        var (partitions, cursor, owner) = Allocate(counts, subjectCount, target);
        Scatter(input, cursor, owner, partitions);
        Parallel.For(0, partitions.Length, p => SortSubjects(partitions[p]));
        return partitions;
    }

    /// <summary>
    /// Cuts subjects into partitions by their event counts and allocates each partition's arrays;
    /// returns, per subject, where its events start in its partition and which partition owns it.
    /// </summary>
    public static (EventLogPartition[] Partitions, int[] Starts, int[] Owner) Allocate(int[] counts, int subjectCount, int target)
    {
        var cuts = Cut(counts, subjectCount, target);
        var partitions = new EventLogPartition[cuts.Count - 1];
        var starts = new int[subjectCount];
        var owner = new int[subjectCount];
        for (var p = 0; p < partitions.Length; p++)
        {
            var (first, end) = (cuts[p], cuts[p + 1]);
            var offsets = new int[end - first + 1];
            for (var s = first; s < end; s++)
            {
                offsets[s - first + 1] = offsets[s - first] + counts[s];
                starts[s] = offsets[s - first];
                owner[s] = p;
            }

            var size = offsets[^1];
            partitions[p] = new EventLogPartition(
                first, offsets, GC.AllocateUninitializedArray<long>(size), GC.AllocateUninitializedArray<int>(size), GC.AllocateUninitializedArray<int>(size));
        }

        // Every position gets written (the counts are exact), so the arrays need no clearing; their pages are mapped in one call each.
        Parallel.For(0, partitions.Length, p =>
        {
            MemoryPages.Populate(partitions[p].TimeArray);
            MemoryPages.Populate(partitions[p].NameArray);
            MemoryPages.Populate(partitions[p].RowArray);
        });
        return (partitions, starts, owner);
    }

    /// <summary>Sorts each subject's events by (time, row) where they are not in order yet.</summary>
    public static void SortSubjects(EventLogPartition partition)
    {
        var offsets = partition.OffsetArray;
        var times = partition.TimeArray;
        var rows = partition.RowArray;
        for (var s = 0; s < offsets.Length - 1; s++)
        {
            int start = offsets[s], end = offsets[s + 1];
            for (var i = start + 1; i < end; i++)
            {
                if (times[i] < times[i - 1] || (times[i] == times[i - 1] && rows[i] < rows[i - 1]))
                {
                    SortRange(partition, start, end);
                    break;
                }
            }
        }
    }

    private static List<int> Cut(int[] counts, int subjectCount, int target)
    {
        var cuts = new List<int> { 0 };
        long inPartition = 0;
        for (var s = 0; s < subjectCount; s++)
        {
            if (inPartition > 0 && inPartition + counts[s] > target)
            {
                cuts.Add(s);
                inPartition = 0;
            }

            inPartition += counts[s];
        }

        cuts.Add(subjectCount);
        if (cuts.Count == 2 && subjectCount == 0)
        {
            cuts.RemoveAt(1);
        }

        return cuts;
    }

    private static void Scatter(EventColumns input, int[] cursor, int[] owner, EventLogPartition[] partitions)
    {
        var subjects = input.Subjects;
        for (var i = 0; i < input.Count; i++)
        {
            var s = subjects[i];
            var partition = partitions[owner[s]];
            var at = cursor[s]++;
            partition.TimeArray[at] = input.Times[i];
            partition.NameArray[at] = input.Names[i];
            partition.RowArray[at] = input.Rows[i];
        }
    }

    private static void SortRange(EventLogPartition partition, int start, int end)
    {
        var length = end - start;
        var items = new (long Time, int Row, int Name)[length];
        for (var i = 0; i < length; i++)
        {
            items[i] = (partition.TimeArray[start + i], partition.RowArray[start + i], partition.NameArray[start + i]);
        }

        Array.Sort(items, static (a, b) => a.Time != b.Time ? a.Time.CompareTo(b.Time) : a.Row.CompareTo(b.Row));
        for (var i = 0; i < length; i++)
        {
            (partition.TimeArray[start + i], partition.RowArray[start + i], partition.NameArray[start + i]) = items[i];
        }
    }
}
