using Waymark.Engine.Snapshot;

namespace Waymark.Engine.Kernels.Variants;

/// <summary>
/// Picks the most frequent entries of the shards of a variant table (one <see cref="SequenceTable"/>
/// per shard) with a heap bounded by the number asked: by count descending, ties by the name sequence, names compared ordinally
/// element by element (a prefix before its extensions).
/// </summary>
internal sealed class TopVariants : IComparer<(int Shard, int Entry)>
{
    private readonly SequenceTable[] _tables;
    private readonly int[] _order; // per name code, its rank among names in ordinal order

    private TopVariants(EventLog log, SequenceTable[] tables)
    {
        _tables = tables;
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

    /// <summary>The top entries, best first, each as its shard and its entry in that shard's table.</summary>
    public static (int Shard, int Entry)[] Pick(EventLog log, SequenceTable[] tables, int top)
    {
        var picker = new TopVariants(log, tables);
        // The heap's root is the worst entry kept: the comparer's order reversed.
        var worstFirst = Comparer<(int, int)>.Create((x, y) => picker.Compare(y, x));
        var heap = new PriorityQueue<(int, int), (int, int)>(worstFirst);
        for (var shard = 0; shard < tables.Length; shard++)
        {
            for (var entry = 0; entry < tables[shard].Count; entry++)
            {
                var candidate = (shard, entry);
                if (heap.Count < top)
                {
                    heap.Enqueue(candidate, candidate);
                }
                else if (picker.Compare(candidate, heap.Peek()) < 0)
                {
                    heap.EnqueueDequeue(candidate, candidate);
                }
            }
        }

        var picked = new (int, int)[heap.Count];
        for (var i = picked.Length - 1; i >= 0; i--)
        {
            picked[i] = heap.Dequeue();
        }

        return picked;
    }

    /// <summary>Negative when <paramref name="x"/> ranks before <paramref name="y"/>.</summary>
    public int Compare((int Shard, int Entry) x, (int Shard, int Entry) y)
    {
        var (tx, ty) = (_tables[x.Shard], _tables[y.Shard]);
        var byCount = ty.Occurrences(y.Entry).CompareTo(tx.Occurrences(x.Entry));
        if (byCount != 0)
        {
            return byCount;
        }

        var a = tx.Sequence(x.Entry);
        var b = ty.Sequence(y.Entry);
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
