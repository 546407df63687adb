using System.Diagnostics;
using System.Numerics;
using System.Runtime.InteropServices;

namespace Waymark.Engine.Kernels.Variants;

/// <summary>
/// A hash table of name sequences, each kept as a reference (source array, start, length) to
/// its first occurrence instead of a copy. Keys are 128-bit hashes of the sequence; a hash match
/// is confirmed by comparing the sequences themselves, so two sequences are one entry exactly
/// when they are equal. Open addressing with linear probing over a power of two of slots at
/// least twice the capacity; sized by its owner for every sequence it will be given, it never
/// grows. Its entries and slots are regions of slabs shared by the tables of one query, so that
/// a query rents two arrays instead of allocating many.
/// </summary>
internal sealed class SequenceTable
{
    private readonly int[][] _sources;
    private readonly SequenceEntry[] _entries;
    private readonly int _first;
    private readonly int _capacity;
    private readonly int[] _slots; // entry + 1; 0 = empty
    private readonly int _slotFirst;
    private readonly int _slotMask;

    /// <param name="sources">The arrays sequences are referenced in, by source number.</param>
    /// <param name="entries">The entry slab; this table uses <paramref name="capacity"/> entries from <paramref name="first"/>.</param>
    /// <param name="first">The table's first entry in <paramref name="entries"/>.</param>
    /// <param name="capacity">How many distinct sequences the table can hold.</param>
    /// <param name="slots">The slot slab; this table uses <see cref="SlotsFor"/>(capacity) slots from <paramref name="slotFirst"/>, which it clears.</param>
    /// <param name="slotFirst">The table's first slot in <paramref name="slots"/>.</param>
    public SequenceTable(int[][] sources, SequenceEntry[] entries, int first, int capacity, int[] slots, int slotFirst)
    {
        _sources = sources;
        (_entries, _first, _capacity) = (entries, first, capacity);
        var slotCount = SlotsFor(capacity);
        (_slots, _slotFirst, _slotMask) = (slots, slotFirst, slotCount - 1);
        Array.Clear(slots, slotFirst, slotCount);
    }

    /// <summary>How many slots a table of <paramref name="capacity"/> entries uses: a power of two, at least twice the capacity.</summary>
    public static int SlotsFor(int capacity) => 2 * (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, capacity));

    /// <summary>How many distinct sequences.</summary>
    public int Count { get; private set; }

    public long Occurrences(int entry) => _entries[_first + entry].Count;

    /// <summary>The names of an entry (codes, in order).</summary>
    public ReadOnlySpan<int> Sequence(int entry)
    {
        ref readonly var e = ref _entries[_first + entry];
        return _sources[e.Source].AsSpan(e.Start, e.Length);
    }

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
        var slot = (int)h1 & _slotMask;
        while (true)
        {
            var entry = _slots[_slotFirst + slot] - 1;
            if (entry < 0)
            {
                break;
            }

            ref var e = ref _entries[_first + entry];
            if (e.H1 == h1 && e.H2 == h2 && e.Length == length
                && _sources[e.Source].AsSpan(e.Start, length).SequenceEqual(_sources[source].AsSpan(start, length)))
            {
                e.Count += occurrences;
                return entry;
            }

            slot = (slot + 1) & _slotMask;
        }

        Debug.Assert(Count < _capacity, "a table is sized for every sequence it is given");
        var added = Count++;
        _slots[_slotFirst + slot] = added + 1;
        _entries[_first + added] = new SequenceEntry { H1 = h1, H2 = h2, Source = source, Start = start, Length = length, Count = occurrences };
        return added;
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

/// <summary>One distinct sequence of a <see cref="SequenceTable"/>: its hash, where its first occurrence lies, and how often it occurred.</summary>
internal struct SequenceEntry
{
    public ulong H1;
    public ulong H2;
    public int Source;
    public int Start;
    public int Length;
    public long Count;
}
