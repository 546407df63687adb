using System.Runtime.CompilerServices;
using Waymark.Engine.Execution;
using Waymark.Engine.Snapshot;

namespace Waymark.Engine.Kernels.Periods;

/// <summary>
/// The earliest and the latest event time of a snapshot inside a time range, over every subject
/// (whatever the cohort): how far the data reaches, so that periods after it are not shown as
/// periods without activity.
/// </summary>
internal static class ObservedSpan
{
    // Over all time the span only depends on the partition, which never changes once built, so it is
    // worked out once per partition (an append rebuilds only the partitions it touches).
    private static readonly ConditionalWeakTable<EventLogPartition, StrongBox<(long, long)>> WholeSpans = [];

    /// <summary>The first and last event time inside <paramref name="range"/>; <c>(long.MaxValue, long.MinValue)</c> when there is none.</summary>
    public static (long First, long Last) Of(EventLog log, TimeRange range)
    {
        var partials = range.IsAll
            ? PartitionRunner.Run(log, (_, partition) => WholeSpans.GetValue(partition, p => new StrongBox<(long, long)>(Span(p, range))).Value)
            : PartitionRunner.Run(log, (_, partition) => Span(partition, range));
        long allFirst = long.MaxValue, allLast = long.MinValue;
        foreach (var (first, last) in partials)
        {
            allFirst = Math.Min(allFirst, first);
            allLast = Math.Max(allLast, last);
        }

        return (allFirst, allLast);
    }

    private static (long First, long Last) Span(EventLogPartition partition, TimeRange range)
    {
        long first = long.MaxValue, last = long.MinValue;
        var times = partition.TimeArray;
        for (var s = 0; s < partition.SubjectCount; s++)
        {
            var (start, end) = PartitionRunner.Window(partition, s, range);
            if (start < end)
            {
                first = Math.Min(first, times[start]);
                last = Math.Max(last, times[end - 1]);
            }
        }

        return (first, last);
    }
}
