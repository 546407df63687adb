using Waymark.Engine.Execution;
using Waymark.Engine.Filters;
using Waymark.Engine.Snapshot;

namespace Waymark.Engine.Kernels.Paths;

/// <summary>
/// One worker thread's share of a directly-follows graph without times: with few names a dense
/// names × names matrix of counts, otherwise a count per pair slot.
/// </summary>
internal sealed class DfgWorker
{
    private readonly int _names;
    private readonly SubjectMask _mask;
    private readonly TimeRange _range;

    public DfgWorker(int names, SubjectMask mask, TimeRange range)
    {
        _names = names;
        _mask = mask;
        _range = range;
        Tally = new ActivityTally(names);
        if (names <= PairSlots.DenseNames)
        {
            Matrix = new long[names * names];
        }
        else
        {
            Slots = new PairSlots(names);
        }
    }

    public ActivityTally Tally { get; }

    /// <summary>Counts by <c>from * names + to</c> (with few names), else null.</summary>
    public long[]? Matrix { get; }

    /// <summary>The pair slots (with many names), else null.</summary>
    public PairSlots? Slots { get; }

    /// <summary>Per slot of <see cref="Slots"/>, its count.</summary>
    public long[] Count { get; private set; } = new long[64];

    public void Run(EventLogPartition partition)
    {
        if (Matrix is not null && _mask.IsEveryone && _range.IsAll)
        {
            RunWhole(partition);
            return;
        }

        var names = partition.NameArray;
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

            Tally.Subject(names, start, end);
            if (Matrix is not null)
            {
                CountPairs(names, start, end);
            }
            else
            {
                SlotPairs(names, start, end);
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

            Tally.Subject(names, start, end);
            if (start > 0)
            {
                matrix[(names[start - 1] * n) + names[start]]--;
            }
        }
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

    private void SlotPairs(int[] names, int start, int end)
    {
        var slots = Slots!;
        var count = Count;
        var previous = names[start];
        for (var i = start + 1; i < end; i++)
        {
            var current = names[i];
            var slot = slots.GetOrAdd(previous, current);
            previous = current;
            if (slot >= count.Length)
            {
                var grown = count;
                Array.Resize(ref grown, count.Length * 2);
                Count = count = grown;
            }

            count[slot]++;
        }
    }
}
