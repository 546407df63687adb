namespace Waymark.Engine.Kernels.Paths;

/// <summary>
/// Numbers the (from, to) name pairs in the order they are first seen: a dense table of
/// names × names while that stays small (up to <see cref="DenseNames"/> names), a dictionary
/// beyond. Slot numbers are compact, so per-pair arrays (counts, histograms) hold only pairs that occur.
/// </summary>
internal sealed class PairSlots
{
    /// <summary>The most names for which a dense names × names table is used (16 MiB of slots).</summary>
    public const int DenseNames = 2048;

    private readonly int _names;
    private readonly int[]? _dense; // slot + 1; 0 = not seen
    private readonly Dictionary<long, int>? _sparse;
    private long[] _keys = new long[64];

    public PairSlots(int names)
    {
        _names = names;
        if (names <= DenseNames)
        {
            _dense = new int[names * names];
        }
        else
        {
            _sparse = [];
        }
    }

    /// <summary>How many pairs have a slot.</summary>
    public int Count { get; private set; }

    /// <summary>The slot of a pair, giving it the next one when it has none.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public int GetOrAdd(int from, int to)
    {
        if (_dense is not null)
        {
            ref var cell = ref _dense[(from * _names) + to];
            if (cell == 0)
            {
                cell = Add(from, to) + 1;
            }

            return cell - 1;
        }

        ref var slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_sparse!, Key(from, to), out var exists);
        if (!exists)
        {
            slot = Add(from, to);
        }

        return slot;
    }

    /// <summary>The slot of a pair, or -1 when it has none.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public int Find(int from, int to)
    {
        if (_dense is not null)
        {
            return _dense[(from * _names) + to] - 1;
        }

        return _sparse!.TryGetValue(Key(from, to), out var slot) ? slot : -1;
    }

    /// <summary>Each slot's key, <c>from * names + to</c>, by slot.</summary>
    public ReadOnlySpan<long> Keys => _keys.AsSpan(0, Count);

    /// <summary>Forgets every pair, so the table can number another partition's pairs from 0.</summary>
    public void Clear()
    {
        if (_dense is not null)
        {
            foreach (var key in Keys)
            {
                _dense[key] = 0;
            }
        }
        else
        {
            _sparse!.Clear();
        }

        Count = 0;
    }

    /// <summary>The pair of a slot.</summary>
    public (int From, int To) Pair(int slot)
    {
        var key = _keys[slot];
        return ((int)(key / _names), (int)(key % _names));
    }

    private long Key(int from, int to) => ((long)from * _names) + to;

    private int Add(int from, int to)
    {
        if (Count == _keys.Length)
        {
            Array.Resize(ref _keys, _keys.Length * 2);
        }

        _keys[Count] = Key(from, to);
        return Count++;
    }
}
