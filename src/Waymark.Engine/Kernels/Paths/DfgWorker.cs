using Waymark.Engine.Execution;
using Waymark.Engine.Filters;
using Waymark.Engine.Snapshot;

namespace Waymark.Engine.Kernels.Paths;

/// <summary>
/// One worker thread's share of a directly-follows graph. Counts only, with few names: a dense
/// names × names matrix of counts. Otherwise per pair slot: count, sum, min, max of the deltas and
/// a histogram of them over <see cref="DeltaBuckets"/>, from which exact quantiles are found later.
/// </summary>
internal sealed class DfgWorker
{
    private readonly int _names;
    private readonly bool _times;
    private readonly SubjectMask _mask;
    private readonly TimeRange _range;

    public DfgWorker(int names, bool times, SubjectMask mask, TimeRange range)
    {
        _names = names;
        _times = times;
        _mask = mask;
        _range = range;
        Starts = new long[names];
        Ends = new long[names];
        if (!times && names <= PairSlots.DenseNames)
        {
            Matrix = new long[names * names];
        }
        else
        {
            Slots = new PairSlots(names);
            Grow(64);
        }
    }

    public long[] Starts { get; }

    public long[] Ends { get; }

    public long Subjects { get; private set; }

    public long Events { get; private set; }

    /// <summary>Counts by <c>from * names + to</c> (counts-only mode with few names), else null.</summary>
    public long[]? Matrix { get; }

    /// <summary>The pair slots (other modes), else null.</summary>
    public PairSlots? Slots { get; }

    public long[] Count { get; private set; } = [];

    public long[] Sum { get; private set; } = [];

    public long[] Min { get; private set; } = [];

    public long[] Max { get; private set; } = [];

    /// <summary>Per slot, <see cref="DeltaBuckets.Count"/> counts of deltas (times mode only).</summary>
    public int[] Histogram { get; private set; } = [];

    public void Run(EventLogPartition partition)
    {
        if (Matrix is not null && _mask.IsEveryone && _range.IsAll)
        {
            RunWhole(partition);
            return;
        }

        var names = partition.NameArray;
        var times = partition.TimeArray;
        for (var s = 0; s < partition.SubjectCount; s++)
        {
            if (!_mask.Contains(partition.FirstSubject + s))
            {
                continue;
            }

            var (start, end) = PartitionRunner.Window(partition, s, _range);
            if (start == end)
            {
                continue;
            }

            Subjects++;
            Events += end - start;
            Starts[names[start]]++;
            Ends[names[end - 1]]++;
            if (Matrix is not null)
            {
                CountPairs(names, start, end);
            }
            else
            {
                SlotPairs(names, times, start, end);
            }
        }
    }

    // Every subject, all time: count the pairs of the whole column in one branch-free loop, then
    // take back the pairs that straddle two subjects (one per distinct subject boundary).
    private void RunWhole(EventLogPartition partition)
    {
        var names = partition.NameArray;
        var offsets = partition.OffsetArray;
        var matrix = Matrix!;
        var n = _names;
        if (names.Length == 0)
        {
            return;
        }

        var previous = names[0];
        for (var i = 1; i < names.Length; i++)
        {
            var current = names[i];
            matrix[(previous * n) + current]++;
            previous = current;
        }

        for (var s = 0; s < partition.SubjectCount; s++)
        {
            int start = offsets[s], end = offsets[s + 1];
            if (start == end)
            {
                continue;
            }

            Subjects++;
            Starts[names[start]]++;
            Ends[names[end - 1]]++;
            if (start > 0)
            {
                matrix[(names[start - 1] * n) + names[start]]--;
            }
        }

        Events += names.Length;
    }

    private void CountPairs(int[] names, int start, int end)
    {
        var matrix = Matrix!;
        var n = _names;
        var previous = names[start];
        for (var i = start + 1; i < end; i++)
        {
            var current = names[i];
            matrix[(previous * n) + current]++;
            previous = current;
        }
    }

    // Arrays are held in locals so the loop reads no field per event; they are reloaded only
    // when a new pair outgrows them.
    private void SlotPairs(int[] names, long[] times, int start, int end)
    {
        var slots = Slots!;
        var count = Count;
        var sum = Sum;
        var min = Min;
        var max = Max;
        var histogram = Histogram;
        var previous = names[start];
        for (var i = start + 1; i < end; i++)
        {
            var current = names[i];
            var slot = slots.GetOrAdd(previous, current);
            previous = current;
            if (slot >= count.Length)
            {
                Grow(count.Length * 2);
                (count, sum, min, max, histogram) = (Count, Sum, Min, Max, Histogram);
            }

            count[slot]++;
            if (!_times)
            {
                continue;
            }

            var delta = times[i] - times[i - 1];
            sum[slot] += delta;
            if (delta < min[slot])
            {
                min[slot] = delta;
            }

            if (delta > max[slot])
            {
                max[slot] = delta;
            }

            histogram[(slot * DeltaBuckets.Count) + DeltaBuckets.Of(delta)]++;
        }
    }

    private void Grow(int capacity)
    {
        var old = Count.Length;
        Count = Resized(Count, capacity);
        if (!_times)
        {
            return;
        }

        Sum = Resized(Sum, capacity);
        Min = Resized(Min, capacity);
        Max = Resized(Max, capacity);
        Array.Fill(Min, long.MaxValue, old, capacity - old);
        Array.Fill(Max, long.MinValue, old, capacity - old);
        var histogram = Histogram;
        Array.Resize(ref histogram, capacity * DeltaBuckets.Count);
        Histogram = histogram;
    }

    private static long[] Resized(long[] array, int capacity)
    {
        Array.Resize(ref array, capacity);
        return array;
    }
}
