using System.Numerics;
using System.Runtime.InteropServices;

namespace Waymark.Engine.Kernels.Variants;

/// <summary>
/// A hash table of name sequences, each kept as a reference (source array, start, length) to
/// its first occurrence instead of a copy. Keys are 128-bit hashes of the sequence; a hash match
/// is confirmed by comparing the sequences themselves, so two sequences are one entry exactly
/// when they are equal. Open addressing with linear probing, grown at half load.
/// </summary>
internal sealed class SequenceTable
{
    private readonly int[][] _sources;
    private int[] _slots; // entry + 1; 0 = empty
    private ulong[] _h1;
    private ulong[] _h2;
    private int[] _source;
    private int[] _start;
    private int[] _length;
    private long[] _count;

    public SequenceTable(int[][] sources, int capacity)
    {
        _sources = sources;
        capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, capacity));
        _slots = new int[capacity * 2];
        _h1 = new ulong[capacity];
        _h2 = new ulong[capacity];
        _source = new int[capacity];
        _start = new int[capacity];
        _length = new int[capacity];
        _count = new long[capacity];
    }

    /// <summary>How many distinct sequences.</summary>
    public int Count { get; private set; }

    public ulong Hash1(int entry) => _h1[entry];

    public ulong Hash2(int entry) => _h2[entry];

    public long Occurrences(int entry) => _count[entry];

    /// <summary>Where an entry's first occurrence starts in its source array.</summary>
    public int Start(int entry) => _start[entry];

    /// <summary>How many names an entry's sequence has.</summary>
    public int Length(int entry) => _length[entry];

    /// <summary>The names of an entry (codes, in order).</summary>
    public ReadOnlySpan<int> Sequence(int entry) => _sources[_source[entry]].AsSpan(_start[entry], _length[entry]);

    /// <summary>The two 64-bit halves of a sequence's hash.</summary>
    public static (ulong H1, ulong H2) Hash(ReadOnlySpan<int> names)
    {
        var h1 = 0x9E3779B97F4A7C15UL ^ (ulong)names.Length;
        var h2 = 0xC2B2AE3D27D4EB4FUL + (ulong)names.Length;
        // Four names a step, two in each of two independent multiply chains: the chains' latency
        // bounds the speed, so each is a quarter as long as one chain over single names would be.
        // Equal hashes are confirmed by comparing the names, so mixing less costs no exactness.
        var words = MemoryMarshal.Cast<int, ulong>(names);
        var w = 0;
        for (; w + 1 < words.Length; w += 2)
        {
            h1 = (h1 ^ words[w]) * 0xFF51AFD7ED558CCDUL;
            h2 = (h2 ^ words[w + 1]) * 0xC4CEB9FE1A85EC53UL;
        }

        if (w < words.Length)
        {
            h1 = (h1 ^ words[w]) * 0xFF51AFD7ED558CCDUL;
        }

        if ((names.Length & 1) != 0)
        {
            h2 = (h2 ^ (uint)names[^1]) * 0xC4CEB9FE1A85EC53UL;
        }

        return (Mix(h1 ^ Mix(h2)), Mix(h2 ^ (h1 >> 29)));
    }

    /// <summary>
    /// The entry of the sequence <c>source[start .. start + length)</c> of <c>sources[source]</c>
    /// (hashed to h1, h2), added when new; adds <paramref name="occurrences"/> to its count.
    /// </summary>
    public int Add(ulong h1, ulong h2, int source, int start, int length, long occurrences)
    {
        var mask = _slots.Length - 1;
        var slot = (int)h1 & mask;
        while (true)
        {
            var entry = _slots[slot] - 1;
            if (entry < 0)
            {
                break;
            }

            if (_h1[entry] == h1 && _h2[entry] == h2 && _length[entry] == length
                && Sequence(entry).SequenceEqual(_sources[source].AsSpan(start, length)))
            {
                _count[entry] += occurrences;
                return entry;
            }

            slot = (slot + 1) & mask;
        }

        var added = Count++;
        if (added == _h1.Length)
        {
            Grow();
            return AddNew(added, h1, h2, source, start, length, occurrences);
        }

        _slots[slot] = added + 1;
        Store(added, h1, h2, source, start, length, occurrences);
        return added;
    }

    private int AddNew(int entry, ulong h1, ulong h2, int source, int start, int length, long occurrences)
    {
        Store(entry, h1, h2, source, start, length, occurrences);
        Place(entry);
        return entry;
    }

    private void Store(int entry, ulong h1, ulong h2, int source, int start, int length, long occurrences)
    {
        _h1[entry] = h1;
        _h2[entry] = h2;
        _source[entry] = source;
        _start[entry] = start;
        _length[entry] = length;
        _count[entry] = occurrences;
    }

    private void Place(int entry)
    {
        var mask = _slots.Length - 1;
        var slot = (int)_h1[entry] & mask;
        while (_slots[slot] != 0)
        {
            slot = (slot + 1) & mask;
        }

        _slots[slot] = entry + 1;
    }

    private void Grow()
    {
        var capacity = _h1.Length * 2;
        Array.Resize(ref _h1, capacity);
        Array.Resize(ref _h2, capacity);
        Array.Resize(ref _source, capacity);
        Array.Resize(ref _start, capacity);
        Array.Resize(ref _length, capacity);
        Array.Resize(ref _count, capacity);
        _slots = new int[capacity * 2];
        for (var entry = 0; entry < Count - 1; entry++)
        {
            Place(entry);
        }
    }

    private static ulong Mix(ulong h)
    {
        h ^= h >> 33;
        h *= 0xFF51AFD7ED558CCDUL;
        h ^= h >> 33;
        h *= 0xC4CEB9FE1A85EC53UL;
        return h ^ (h >> 33);
    }
}
