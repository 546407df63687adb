using Waymark.Engine.Execution;
using Waymark.Engine.Filters;
using Waymark.Engine.Snapshot;

namespace Waymark.Engine.Kernels.Paths;

/// <summary>
/// The directly-follows graph kernel: pair counts, start and end activities and (optionally) the
/// exact time between the events of each pair. One pass over the scope's events, in parallel over
/// partitions with one accumulator per worker thread; with times, a second pass gathers only the
/// deltas of the histogram buckets that hold the median and p90 of each pair.
/// </summary>
public static class DirectlyFollows
{
    /// <summary>Computes the directly-follows graph of <paramref name="query"/>'s scope.</summary>
    public static PathGraph Run(EventLog log, DirectlyFollowsQuery query)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(query.Scope, nameof(query.Scope));
        var mask = SubjectMask.Compile(log, query.Scope.Cohort);
        var n = log.Names.Count;
        var workers = PartitionRunner.Fold(
            log,
            () => new DfgWorker(n, query.WithTimes, mask, query.Scope.Range),
            (_, partition, worker) => worker.Run(partition));

        var starts = new long[n];
        var ends = new long[n];
        long subjects = 0, events = 0;
        foreach (var worker in workers)
        {
            Add(starts, worker.Starts);
            Add(ends, worker.Ends);
            subjects += worker.Subjects;
            events += worker.Events;
        }

        var edges = workers[0].Matrix is not null ? MatrixEdges(log, workers) : SlotEdges(log, workers, mask, query);
        edges.Sort(static (x, y) => x.Count != y.Count ? y.Count.CompareTo(x.Count)
            : string.CompareOrdinal(x.From, y.From) is var c and not 0 ? c : string.CompareOrdinal(x.To, y.To));
        return new PathGraph(subjects, events, edges, Activities(log, starts), Activities(log, ends));
    }

    private static List<PathEdge> MatrixEdges(EventLog log, List<DfgWorker> workers)
    {
        var n = log.Names.Count;
        var total = new long[n * n];
        foreach (var worker in workers)
        {
            Add(total, worker.Matrix!);
        }

        var edges = new List<PathEdge>();
        for (var cell = 0; cell < total.Length; cell++)
        {
            if (total[cell] > 0)
            {
                edges.Add(new PathEdge(log.Names[cell / n]!, log.Names[cell % n]!, total[cell], null));
            }
        }

        return edges;
    }

    private static List<PathEdge> SlotEdges(EventLog log, List<DfgWorker> workers, SubjectMask mask, DirectlyFollowsQuery query)
    {
        var merged = DfgTotals.Merge(log.Names.Count, workers, query.WithTimes);
        var times = query.WithTimes ? EdgeTimeFinder.Find(log, merged, mask, query.Scope.Range) : null;
        var edges = new List<PathEdge>(merged.Slots.Count);
        for (var slot = 0; slot < merged.Slots.Count; slot++)
        {
            var (from, to) = merged.Slots.Pair(slot);
            edges.Add(new PathEdge(log.Names[from]!, log.Names[to]!, merged.Count[slot], times?[slot]));
        }

        return edges;
    }

    private static ActivityCount[] Activities(EventLog log, long[] counts)
    {
        var list = new List<ActivityCount>();
        for (var name = 0; name < counts.Length; name++)
        {
            if (counts[name] > 0)
            {
                list.Add(new ActivityCount(log.Names[name]!, counts[name]));
            }
        }

        list.Sort(static (x, y) => x.Count != y.Count ? y.Count.CompareTo(x.Count) : string.CompareOrdinal(x.Name, y.Name));
        return [.. list];
    }

    private static void Add(long[] target, long[] source)
    {
        for (var i = 0; i < target.Length; i++)
        {
            target[i] += source[i];
        }
    }
}
