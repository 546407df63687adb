namespace Waymark.Engine.Kernels.Paths;

/// <summary>The workers' per-pair accumulators merged into one set of slots.</summary>
internal sealed class DfgTotals
{
    private DfgTotals(PairSlots slots, long[] count, long[] sum, long[] min, long[] max, int[] histogram)
    {
        Slots = slots;
        Count = count;
        Sum = sum;
        Min = min;
        Max = max;
        Histogram = histogram;
    }

    public PairSlots Slots { get; }

    public long[] Count { get; }

    public long[] Sum { get; }

    public long[] Min { get; }

    public long[] Max { get; }

    /// <summary>Per slot, <see cref="DeltaBuckets.Count"/> counts (empty without times).</summary>
    public int[] Histogram { get; }

    public static DfgTotals Merge(int names, List<DfgWorker> workers, bool times)
    {
        var slots = new PairSlots(names);
        foreach (var worker in workers)
        {
            for (var s = 0; s < worker.Slots!.Count; s++)
            {
                var (from, to) = worker.Slots.Pair(s);
                slots.GetOrAdd(from, to);
            }
        }

        var pairs = slots.Count;
        var count = new long[pairs];
        var sum = new long[times ? pairs : 0];
        var min = new long[sum.Length];
        var max = new long[sum.Length];
        var histogram = new int[times ? pairs * DeltaBuckets.Count : 0];
        Array.Fill(min, long.MaxValue);
        Array.Fill(max, long.MinValue);
        foreach (var worker in workers)
        {
            for (var s = 0; s < worker.Slots!.Count; s++)
            {
                var (from, to) = worker.Slots.Pair(s);
                var g = slots.Find(from, to);
                count[g] += worker.Count[s];
                if (!times)
                {
                    continue;
                }

                sum[g] += worker.Sum[s];
                min[g] = Math.Min(min[g], worker.Min[s]);
                max[g] = Math.Max(max[g], worker.Max[s]);
                var source = worker.Histogram.AsSpan(s * DeltaBuckets.Count, DeltaBuckets.Count);
                var target = histogram.AsSpan(g * DeltaBuckets.Count, DeltaBuckets.Count);
                for (var b = 0; b < DeltaBuckets.Count; b++)
                {
                    target[b] += source[b];
                }
            }
        }

        return new DfgTotals(slots, count, sum, min, max, histogram);
    }
}
