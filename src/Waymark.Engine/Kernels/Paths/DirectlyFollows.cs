using Waymark.Engine.Execution;
using Waymark.Engine.Filters;
using Waymark.Engine.Snapshot;

namespace Waymark.Engine.Kernels.Paths;

/// <summary>
/// The directly-follows graph kernel: pair counts, start and end activities and (optionally) the
/// exact time between the events of each pair, in parallel over partitions. Counts only: one
/// accumulator per worker thread. With times: each partition's deltas grouped by pair, then each
/// pair's statistics from its groups (see <see cref="EdgeTimeFinder"/>).
/// </summary>
public static partial class DirectlyFollows
{
    /// <summary>Computes the directly-follows graph of <paramref name="query"/>'s scope.</summary>
    public static PathGraph Run(EventLog log, DirectlyFollowsQuery query)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(query.Scope, nameof(query.Scope));
        var mask = SubjectMask.Compile(log, query.Scope.Cohort);
        var tally = new ActivityTally(log.Names.Count);
        var edges = query.WithTimes ? TimedEdges(log, mask, query.Scope.Range, tally) : CountedEdges(log, mask, query.Scope.Range, tally);
        edges.Sort(static (x, y) => x.Count != y.Count ? y.Count.CompareTo(x.Count)
            : string.CompareOrdinal(x.From, y.From) is var c and not 0 ? c : string.CompareOrdinal(x.To, y.To));
        return new PathGraph(tally.Subjects, tally.Events, edges, Activities(log, tally.Starts), Activities(log, tally.Ends));
    }

    private static List<PathEdge> CountedEdges(EventLog log, SubjectMask mask, TimeRange range, ActivityTally tally)
    {
        var n = log.Names.Count;
        var workers = PartitionRunner.Fold(log, () => new DfgWorker(n, mask, range), (_, partition, worker) => worker.Run(partition));
        foreach (var worker in workers)
        {
            tally.Add(worker.Tally);
        }

        return workers[0].Matrix is not null ? MatrixEdges(log, workers) : SlotEdges(log, workers);
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

    private static List<PathEdge> SlotEdges(EventLog log, List<DfgWorker> workers)
    {
        var totals = new Dictionary<(int From, int To), long>();
        foreach (var worker in workers)
        {
            for (var s = 0; s < worker.Slots!.Count; s++)
            {
                var pair = worker.Slots.Pair(s);
                totals[pair] = totals.GetValueOrDefault(pair) + worker.Count[s];
            }
        }

        var edges = new List<PathEdge>(totals.Count);
        foreach (var ((from, to), count) in totals)
        {
            edges.Add(new PathEdge(log.Names[from]!, log.Names[to]!, count, null));
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
