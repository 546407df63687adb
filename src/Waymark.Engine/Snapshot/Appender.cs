using Waymark.Engine.Properties;

namespace Waymark.Engine.Snapshot;

/// <summary>
/// Adds events onto a snapshot: the new events are sorted by (subject, time, row), grouped by
/// the partition that covers their subject (subjects past the last partition extend it), and
/// each touched partition is merged with them in one pass; untouched partitions are shared
/// with the old snapshot. A partition that grows past twice the target is cut again.
/// Loaded property columns follow the same merge, reading only the new rows from the source.
/// </summary>
internal static class Appender
{
    public static EventLog Append(
        EventLog log,
        EventColumns events,
        CodeTable subjects,
        CodeTable names,
        int sourceRows,
        IEventPropertySource? properties,
        ISubjectTraitSource? traits,
        int target)
    {
        var order = SortedOrder(events);
        var old = log.PartitionArray;
        var groups = GroupByPartition(log, events, order, subjects.Count);
        var loaded = log.LoadedProperties().Select(p => p.Value).ToArray();
        var newValues = loaded.Select(c => NewValues(c, events, properties)).ToArray();
        var merged = new (EventLogPartition Partition, int[] Origin)[old.Length];
        Parallel.For(0, old.Length, p =>
        {
            if (groups[p] is { } group)
            {
                var coverEnd = p == old.Length - 1 ? subjects.Count : old[p].FirstSubject + old[p].SubjectCount;
                merged[p] = Merge(old[p], coverEnd, events, group);
            }
        });

        var partitions = new List<EventLogPartition>();
        var columns = loaded.Select(_ => new List<int[]>()).ToArray();
        for (var p = 0; p < old.Length; p++)
        {
            if (merged[p].Partition is null)
            {
                partitions.Add(old[p]);
                for (var c = 0; c < loaded.Length; c++)
                {
                    columns[c].Add(loaded[c].CodesByPartition[p]);
                }

                continue;
            }

            var codes = new int[loaded.Length][];
            for (var c = 0; c < loaded.Length; c++)
            {
                codes[c] = MergeCodes(loaded[c].CodesByPartition[p], newValues[c], merged[p].Origin, events);
            }

            foreach (var (piece, from, to) in Split(merged[p].Partition, target))
            {
                partitions.Add(piece);
                for (var c = 0; c < loaded.Length; c++)
                {
                    columns[c].Add(codes[c][from..to]);
                }
            }
        }

        var carried = loaded.Select((c, i) => new PropertyColumn(c.Key, c.Values, [.. columns[i]]));
        return EventLog.Create(log.SubjectKind, subjects, names, [.. partitions], sourceRows, properties, traits, carried);
    }

    private static int[] SortedOrder(EventColumns events)
    {
        var order = new int[events.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) =>
        {
            var bySubject = events.Subjects[a].CompareTo(events.Subjects[b]);
            if (bySubject != 0)
            {
                return bySubject;
            }

            var byTime = events.Times[a].CompareTo(events.Times[b]);
            return byTime != 0 ? byTime : events.Rows[a].CompareTo(events.Rows[b]);
        });
        return order;
    }

    /// <summary>Per old partition, the slice of <paramref name="order"/> whose subjects it covers (null when none).</summary>
    private static ArraySegment<int>?[] GroupByPartition(EventLog log, EventColumns events, int[] order, int subjectCount)
    {
        var old = log.PartitionArray;
        var groups = new ArraySegment<int>?[old.Length];
        var start = 0;
        while (start < order.Length)
        {
            var p = log.PartitionOf(events.Subjects[order[start]]);
            p = p < 0 ? old.Length - 1 : p;
            var end = p == old.Length - 1 ? subjectCount : old[p].FirstSubject + old[p].SubjectCount;
            var stop = start;
            while (stop < order.Length && events.Subjects[order[stop]] < end)
            {
                stop++;
            }

            groups[p] = new ArraySegment<int>(order, start, stop - start);
            start = stop;
        }

        return groups;
    }

    /// <summary>
    /// Merges a partition with new events of its subjects (sorted). Origin says where each
    /// merged position came from: an old position (0 and up) or a new event (~index).
    /// </summary>
    private static (EventLogPartition, int[]) Merge(EventLogPartition old, int coverEnd, EventColumns events, ArraySegment<int> group)
    {
        var size = old.EventCount + group.Count;
        var first = old.FirstSubject;
        var offsets = new int[coverEnd - first + 1];
        var (times, names, rows, origin) = (new long[size], new int[size], new int[size], new int[size]);
        int at = 0, next = 0;
        for (var s = first; s < coverEnd; s++)
        {
            offsets[s - first] = at;
            var local = s - first;
            int i = local < old.SubjectCount ? old.OffsetArray[local] : 0;
            int end = local < old.SubjectCount ? old.OffsetArray[local + 1] : 0;
            while (i < end || (next < group.Count && events.Subjects[group[next]] == s))
            {
                var takeOld = i < end && (next >= group.Count || events.Subjects[group[next]] != s || Before(old, i, events, group[next]));
                if (takeOld)
                {
                    (times[at], names[at], rows[at], origin[at]) = (old.TimeArray[i], old.NameArray[i], old.RowArray[i], i);
                    i++;
                }
                else
                {
                    var e = group[next++];
                    (times[at], names[at], rows[at], origin[at]) = (events.Times[e], events.Names[e], events.Rows[e], ~e);
                }

                at++;
            }
        }

        offsets[^1] = at;
        return (new EventLogPartition(first, offsets, times, names, rows), origin);
    }

    private static bool Before(EventLogPartition old, int i, EventColumns events, int e) =>
        old.TimeArray[i] < events.Times[e] || (old.TimeArray[i] == events.Times[e] && old.RowArray[i] < events.Rows[e]);

    private static IEnumerable<(EventLogPartition Piece, int From, int To)> Split(EventLogPartition partition, int target)
    {
        if (partition.EventCount <= 2L * target)
        {
            yield return (partition, 0, partition.EventCount);
            yield break;
        }

        var offsets = partition.OffsetArray;
        var startSubject = 0;
        for (var s = 1; s <= partition.SubjectCount; s++)
        {
            var events = offsets[s] - offsets[startSubject];
            if (s == partition.SubjectCount || (events >= target && partition.EventCount - offsets[s] >= target / 2))
            {
                yield return (Slice(partition, startSubject, s), offsets[startSubject], offsets[s]);
                startSubject = s;
            }
        }
    }

    private static EventLogPartition Slice(EventLogPartition partition, int fromSubject, int toSubject)
    {
        var (from, to) = (partition.OffsetArray[fromSubject], partition.OffsetArray[toSubject]);
        var offsets = new int[toSubject - fromSubject + 1];
        for (var s = 0; s < offsets.Length; s++)
        {
            offsets[s] = partition.OffsetArray[fromSubject + s] - from;
        }

        return new EventLogPartition(
            partition.FirstSubject + fromSubject, offsets, partition.TimeArray[from..to], partition.NameArray[from..to], partition.RowArray[from..to]);
    }

    private static Dictionary<int, int> NewValues(PropertyColumn column, EventColumns events, IEventPropertySource? source)
    {
        var byRow = new Dictionary<int, int>();
        if (source is null || events.Count == 0)
        {
            return byRow;
        }

        var (min, max) = (int.MaxValue, int.MinValue);
        for (var i = 0; i < events.Count; i++)
        {
            (min, max) = (Math.Min(min, events.Rows[i]), Math.Max(max, events.Rows[i]));
        }

        source.ReadProperty(column.Key, min, max + 1, (row, json) => byRow[row] = column.Values.Intern(json));
        return byRow;
    }

    private static int[] MergeCodes(int[] oldCodes, Dictionary<int, int> newValues, int[] origin, EventColumns events)
    {
        var codes = new int[origin.Length];
        for (var i = 0; i < origin.Length; i++)
        {
            var from = origin[i];
            codes[i] = from >= 0 ? oldCodes[from] : newValues.GetValueOrDefault(events.Rows[~from]);
        }

        return codes;
    }
}
