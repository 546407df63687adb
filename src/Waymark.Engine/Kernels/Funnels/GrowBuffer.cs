namespace Waymark.Engine.Kernels.Funnels;

/// <summary>An append-only buffer that doubles when full: per-partition tallies grow amortised, never per event.</summary>
internal sealed class GrowBuffer<T>
    where T : unmanaged
{
    private T[] _items = new T[16];

    public int Count { get; private set; }

    public ReadOnlySpan<T> Items => _items.AsSpan(0, Count);

    public void Add(T item)
    {
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }

        _items[Count++] = item;
    }
}
