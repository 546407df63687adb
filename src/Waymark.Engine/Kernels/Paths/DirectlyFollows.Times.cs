using System.Buffers;
using Waymark.Engine.Execution;
using Waymark.Engine.Filters;
using Waymark.Engine.Snapshot;

namespace Waymark.Engine.Kernels.Paths;

public static partial class DirectlyFollows
{
    // The deltas of the whole query go to one pooled buffer (4 bytes per event), a region per partition.
    private static List<PathEdge> TimedEdges(EventLog log, SubjectMask mask, TimeRange range, ActivityTally tally)
    {
        var partitions = log.PartitionArray;
        var outputStart = new int[partitions.Length];
        var events = 0L;
        for (var p = 0; p < partitions.Length; p++)
        {
            outputStart[p] = (int)events;
            events += partitions[p].EventCount;
        }

        var output = ArrayPool<uint>.Shared.Rent(checked((int)events));
        try
        {
            return TimedEdges(log, mask, range, tally, output, outputStart);
        }
        finally
        {
            ArrayPool<uint>.Shared.Return(output);
        }
    }

    // Each partition's deltas grouped by pair (DeltaWorker), then the pairs numbered across
    // partitions, each pair's slices listed together, and every pair's statistics found in
    // parallel, the largest pairs first so that no core is left with a big one at the end.
    private static List<PathEdge> TimedEdges(EventLog log, SubjectMask mask, TimeRange range, ActivityTally tally, uint[] output, int[] outputStart)
    {
        var n = log.Names.Count;
        var workers = PartitionRunner.Fold(log, () => new DeltaWorker(n, mask, range, output, outputStart), (p, partition, worker) => worker.Run(p, partition));
        var parts = new List<PairDeltas>();
        foreach (var worker in workers)
        {
            worker.ReturnScratch();
            tally.Add(worker.Tally);
            parts.AddRange(worker.Partitions);
        }

        var (slots, counts, slices, first) = SlicesByPair(n, parts);
        var order = new int[slots.Count];
        for (var g = 0; g < order.Length; g++)
        {
            order[g] = g;
        }

        Array.Sort(order, (x, y) => counts[y].CompareTo(counts[x]));
        var times = new EdgeTimes[slots.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
        Parallel.For(0, order.Length, options, i =>
        {
            var g = order[i];
            times[g] = EdgeTimeFinder.Find(slices.AsSpan(first[g], first[g + 1] - first[g]), counts[g]);
        });

        var edges = new List<PathEdge>(slots.Count);
        for (var g = 0; g < slots.Count; g++)
        {
            var (from, to) = slots.Pair(g);
            edges.Add(new PathEdge(log.Names[from]!, log.Names[to]!, counts[g], times[g]));
        }

        return edges;
    }

    // Numbers the pairs over all partitions; pair g's slices are slices[first[g]..first[g + 1]].
    private static (PairSlots Slots, long[] Counts, PairSlice[] Slices, int[] First) SlicesByPair(int names, List<PairDeltas> parts)
    {
        var slots = new PairSlots(names);
        var globalOf = new int[parts.Count][];
        var total = 0;
        for (var p = 0; p < parts.Count; p++)
        {
            var keys = parts[p].Keys;
            globalOf[p] = new int[keys.Length];
            for (var l = 0; l < keys.Length; l++)
            {
                globalOf[p][l] = slots.GetOrAdd((int)(keys[l] / names), (int)(keys[l] % names));
            }

            total += keys.Length;
        }

        var counts = new long[slots.Count];
        var first = new int[slots.Count + 1];
        for (var p = 0; p < parts.Count; p++)
        {
            for (var l = 0; l < globalOf[p].Length; l++)
            {
                var g = globalOf[p][l];
                counts[g] += parts[p].Starts[l + 1] - parts[p].Starts[l];
                first[g + 1]++;
            }
        }

        for (var g = 0; g < slots.Count; g++)
        {
            first[g + 1] += first[g];
        }

        var slices = new PairSlice[total];
        var cursor = first[..^1];
        for (var p = 0; p < parts.Count; p++)
        {
            for (var l = 0; l < globalOf[p].Length; l++)
            {
                slices[cursor[globalOf[p][l]]++] = new PairSlice(parts[p], l);
            }
        }

        return (slots, counts, slices, first);
    }
}
