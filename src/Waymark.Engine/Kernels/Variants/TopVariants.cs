using Waymark.Engine.Snapshot;

namespace Waymark.Engine.Kernels.Variants;

/// <summary>
/// Picks the most frequent entries of a <see cref="SequenceTable"/> with a heap bounded by the
/// number asked: by count descending, ties by the name sequence, names compared ordinally
/// element by element (a prefix before its extensions).
/// </summary>
internal sealed class TopVariants : IComparer<int>
{
    private readonly SequenceTable _table;
    private readonly int[] _order; // per name code, its rank among names in ordinal order

    private TopVariants(EventLog log, SequenceTable table)
    {
        _table = table;
        var codes = new int[log.Names.Count];
        for (var i = 0; i < codes.Length; i++)
        {
            codes[i] = i;
        }

        Array.Sort(codes, (x, y) => string.CompareOrdinal(log.Names[x], log.Names[y]));
        _order = new int[codes.Length];
        for (var rank = 0; rank < codes.Length; rank++)
        {
            _order[codes[rank]] = rank;
        }
    }

    public static int[] Pick(EventLog log, SequenceTable table, int top)
    {
        var picker = new TopVariants(log, table);
        // The heap's root is the worst entry kept: the comparer's order reversed.
        var worstFirst = Comparer<int>.Create((x, y) => picker.Compare(y, x));
        var heap = new PriorityQueue<int, int>(worstFirst);
        for (var entry = 0; entry < table.Count; entry++)
        {
            if (heap.Count < top)
            {
                heap.Enqueue(entry, entry);
            }
            else if (picker.Compare(entry, heap.Peek()) < 0)
            {
                heap.EnqueueDequeue(entry, entry);
            }
        }

        var picked = new int[heap.Count];
        for (var i = picked.Length - 1; i >= 0; i--)
        {
            picked[i] = heap.Dequeue();
        }

        return picked;
    }

    /// <summary>Negative when <paramref name="x"/> ranks before <paramref name="y"/>.</summary>
    public int Compare(int x, int y)
    {
        var byCount = _table.Occurrences(y).CompareTo(_table.Occurrences(x));
        if (byCount != 0)
        {
            return byCount;
        }

        var a = _table.Sequence(x);
        var b = _table.Sequence(y);
        var common = Math.Min(a.Length, b.Length);
        for (var i = 0; i < common; i++)
        {
            if (a[i] != b[i])
            {
                return _order[a[i]].CompareTo(_order[b[i]]);
            }
        }

        return a.Length.CompareTo(b.Length);
    }
}
