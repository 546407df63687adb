using System.Buffers;
using Waymark.Engine.Filters;
using Waymark.Engine.Snapshot;

namespace Waymark.Engine.Execution;

/// <summary>What a kernel does with the events a <see cref="SubjectWalk"/> hands it, subject by subject.</summary>
internal interface ISubjectEvents
{
    /// <summary>
    /// An event of the current subject whose name is in the scan's set (property filters not yet
    /// applied), inside the time range; events come in the snapshot's order.
    /// </summary>
    void Event(int position);

    /// <summary>The current subject, which had at least one <see cref="Event"/>, has no more.</summary>
    void EndSubject(int subject);
}

/// <summary>
/// Walks a partition's events that a <see cref="NameScan"/> selects, grouped by subject: subjects
/// outside the cohort and events outside the time range are left out, and subjects without a
/// selected event are never visited. The names are scanned in blocks; only selected events are
/// mapped to their subject, so a kernel about rare names reads little more than the name column.
/// </summary>
internal static class SubjectWalk
{
    private const int Block = 4096;

    public static void Run<TSink>(EventLogPartition partition, NameScan scan, SubjectMask cohort, TimeRange range, ref TSink sink)
        where TSink : struct, ISubjectEvents
    {
        if (scan.IsEmpty || partition.EventCount == 0)
        {
            return;
        }

        var buffer = ArrayPool<int>.Shared.Rent(Block);
        try
        {
            Walk(partition, scan, cohort, range, buffer, ref sink);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(buffer);
        }
    }

    private static void Walk<TSink>(EventLogPartition partition, NameScan scan, SubjectMask cohort, TimeRange range, int[] buffer, ref TSink sink)
        where TSink : struct, ISubjectEvents
    {
        var offsets = partition.OffsetArray;
        var times = partition.TimeArray;
        var names = partition.NameArray;
        var everyone = cohort.IsEveryone;
        var allTime = range.IsAll;
        int local = -1, end = 0;
        bool member = false, open = false;
        for (var from = 0; from < names.Length; from += Block)
        {
            var found = scan.Scan(names, from, Math.Min(from + Block, names.Length), buffer);
            for (var f = 0; f < found; f++)
            {
                var position = buffer[f];
                if (position >= end)
                {
                    if (open)
                    {
                        sink.EndSubject(partition.FirstSubject + local);
                        open = false;
                    }

                    // Subjects are contiguous and ascending: walk the offsets to the event's subject.
                    do
                    {
                        local++;
                    }
                    while (offsets[local + 1] <= position);

                    end = offsets[local + 1];
                    member = everyone || cohort.Contains(partition.FirstSubject + local);
                }

                if (!member || (!allTime && !range.Contains(times[position])))
                {
                    continue;
                }

                sink.Event(position);
                open = true;
            }
        }

        if (open)
        {
            sink.EndSubject(partition.FirstSubject + local);
        }
    }
}
