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
    /// <summary>The first and last event time inside <paramref name="range"/>; <c>(long.MaxValue, long.MinValue)</c> when there is none.</summary>
    public static (long First, long Last) Of(EventLog log, TimeRange range)
    {
        var partials = PartitionRunner.Run(log, (_, partition) =>
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
        });

        long allFirst = long.MaxValue, allLast = long.MinValue;
        foreach (var (first, last) in partials)
        {
            allFirst = Math.Min(allFirst, first);
            allLast = Math.Max(allLast, last);
        }

        return (allFirst, allLast);
    }
}
