using Waymark.Engine.Snapshot;

namespace Waymark.Engine.Execution;

internal static partial class PartitionRunner
{
    /// <summary>
    /// Runs every partition through one state per worker thread instead of one result per
    /// partition: for kernels whose partial results are large (matrices, histograms) and merge by
    /// addition, so that merging costs one state per core, not one per partition. The states
    /// come back in no particular order; a kernel must merge them with an order-free operation.
    /// </summary>
    public static List<TState> Fold<TState>(EventLog log, Func<TState> create, Action<int, EventLogPartition, TState> work)
    {
        var partitions = log.PartitionArray;
        var states = new List<TState>();
        if (partitions.Length <= 1)
        {
            var state = create();
            if (partitions.Length == 1)
            {
                work(0, partitions[0], state);
            }

            states.Add(state);
            return states;
        }

        var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
        Parallel.For(
            0,
            partitions.Length,
            options,
            create,
            (p, _, state) =>
            {
                work(p, partitions[p], state);
                return state;
            },
            state =>
            {
                lock (states)
                {
                    states.Add(state);
                }
            });
        return states;
    }
}
