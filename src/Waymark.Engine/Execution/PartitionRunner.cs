using Waymark.Engine.Snapshot;

namespace Waymark.Engine.Execution;

/// <summary>
/// Runs a kernel's per-partition work in parallel on every core and hands back one result per
/// partition, in partition order, for the kernel to merge. Each partition's work gets its own
/// state, so kernels share nothing while they run.
/// </summary>
internal static partial class PartitionRunner
{
    public static TResult[] Run<TResult>(EventLog log, Func<int, EventLogPartition, TResult> work)
    {
        var partitions = log.PartitionArray;
        var results = new TResult[partitions.Length];
        if (partitions.Length == 1)
        {
            results[0] = work(0, partitions[0]);
            return results;
        }

        var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
        Parallel.For(0, partitions.Length, options, p => results[p] = work(p, partitions[p]));
        return results;
    }

    /// <summary>
    /// The positions of a subject's events inside <paramref name="range"/>: events are sorted by
    /// time, so the range is found by binary search (or is the whole subject when the range is all time).
    /// </summary>
    public static (int Start, int End) Window(EventLogPartition partition, int localSubject, TimeRange range)
    {
        var start = partition.OffsetArray[localSubject];
        var end = partition.OffsetArray[localSubject + 1];
        if (range.IsAll || start == end)
        {
            return (start, end);
        }

        var times = partition.TimeArray;
        return (LowerBound(times, start, end, range.From), LowerBound(times, start, end, range.To));
    }

    private static int LowerBound(long[] times, int start, int end, long value)
    {
        while (start < end)
        {
            var mid = (start + end) >>> 1;
            if (times[mid] < value)
            {
                start = mid + 1;
            }
            else
            {
                end = mid;
            }
        }

        return start;
    }
}
