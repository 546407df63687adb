using Waymark.Engine.Snapshot;

namespace Waymark.Engine.Kernels.Paths;

internal sealed partial class DeltaWorker
{
    // Every subject, all time, few names: the pairs of the whole column in one loop with no
    // branch on subjects, then the pairs that straddle two subjects moved to a key of their own
    // (names * names), which the scatter drops. Pair i - 1 is events i - 1 and i.
    private int WholeColumn(EventLogPartition partition)
    {
        var names = partition.NameArray;
        var times = partition.TimeArray;
        var offsets = partition.OffsetArray;
        if (names.Length == 0)
        {
            return 0;
        }

        var (keyOf, delta, count, n) = (_keyOf, _delta, _count, _names);
        for (var i = 1; i < names.Length; i++)
        {
            var key = (names[i - 1] * n) + names[i];
            count[key]++;
            var d = times[i] - times[i - 1];
            keyOf[i - 1] = key;
            delta[i - 1] = (uint)Math.Min((ulong)d, uint.MaxValue);
            if (d >= uint.MaxValue)
            {
                _wide.Add((i - 1, d));
            }
        }

        var straddle = n * n;
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
                count[keyOf[start - 1]]--;
                count[straddle]++;
                keyOf[start - 1] = straddle;
            }
        }

        return names.Length - 1;
    }

    // Counting sort of the scratch pairs by key into the output region; keys with no pair get no
    // slot, and the straddling pairs go after all the others, where no slot looks. Slots are
    // numbered in key order; a slot's start is absolute in the output.
    private PairDeltas Scatter(int pairs, int regionStart)
    {
        var count = _count;
        var keys = _slots is null ? count.Length - 1 : _slots.Count;
        var slots = 0;
        for (var k = 0; k < keys; k++)
        {
            slots += count[k] > 0 ? 1 : 0;
        }

        var slotKeys = new long[slots];
        var starts = new int[slots + 1];
        var at = regionStart;
        var slot = 0;
        for (var k = 0; k < keys; k++)
        {
            if (count[k] > 0)
            {
                _slotOfKey[k] = slot;
                slotKeys[slot] = _slots is null ? k : _slots.Keys[k];
                starts[slot++] = at;
                at += count[k];
            }

            count[k] = at - count[k];
        }

        starts[slots] = at;
        if (_slots is null)
        {
            count[keys] = at;
        }

        var (output, keyOf, delta) = (_output, _keyOf, _delta);
        for (var i = 0; i < pairs; i++)
        {
            output[count[keyOf[i]]++] = delta[i];
        }

        var (wideStarts, wide) = WideBySlot(slots, keys);
        Array.Clear(count);
        return new PairDeltas(slotKeys, starts, output, wideStarts, wide);
    }

    // The wide deltas grouped by slot (a counting sort again); a straddling pair has key 'keys'.
    private (int[] Starts, long[] Values) WideBySlot(int slots, int keys)
    {
        if (_wide.Count == 0)
        {
            return ([], []);
        }

        var starts = new int[slots + 1];
        foreach (var (at, _) in _wide)
        {
            if (_keyOf[at] < keys)
            {
                starts[_slotOfKey[_keyOf[at]] + 1]++;
            }
        }

        for (var s = 0; s < slots; s++)
        {
            starts[s + 1] += starts[s];
        }

        var values = new long[starts[slots]];
        var cursor = starts[..slots];
        foreach (var (at, d) in _wide)
        {
            if (_keyOf[at] < keys)
            {
                values[cursor[_slotOfKey[_keyOf[at]]]++] = d;
            }
        }

        return (starts, values);
    }
}
