namespace Waymark.Engine.Kernels.Statistics;

/// <summary>A growable run of longs (durations per subject), concatenated after the partitions ran.</summary>
internal sealed class LongList
{
    private long[] _items = new long[64];

    public int Count { get; private set; }

    public Span<long> Span => _items.AsSpan(0, Count);

    public void Add(long value)
    {
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }

        _items[Count++] = value;
    }

    /// <summary>The lists' items, one after the other.</summary>
    public static long[] Concat(IEnumerable<LongList> lists)
    {
        var total = 0;
        foreach (var list in lists)
        {
            total += list.Count;
        }

        var all = new long[total];
        var at = 0;
        foreach (var list in lists)
        {
            list.Span.CopyTo(all.AsSpan(at));
            at += list.Count;
        }

        return all;
    }
}
