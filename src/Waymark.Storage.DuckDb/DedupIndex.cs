using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace Waymark.Storage.DuckDb;

/// <summary>
/// The 64-bit hashes of every message id in the store, in open-addressing sets, so that an
/// append can tell new messages from possible duplicates without asking the database. A hit is
/// only a candidate: the store confirms it against the stored ids, because two ids can share
/// a hash. Zero marks an empty slot, so the hash 0 is kept aside in a flag.
/// The hashes are spread over 256 tables by their top 8 bits, so that growing doubles one table
/// of a 256th of the whole: one large set would briefly hold its old and new arrays (three times
/// its size) and copy every hash at each doubling.
/// </summary>
internal sealed unsafe class DedupIndex
{
    private const int TableBits = 8;
    private const int MinSlots = 64;

    private readonly ulong[][] _tables = new ulong[1 << TableBits][];
    private readonly int[] _counts = new int[1 << TableBits];
    private bool _hasZero;

    /// <param name="capacity">How many hashes to make room for at once.</param>
    public DedupIndex(int capacity = 1 << 16)
    {
        // Slots at most 3/4 full: per table, room for its share of the capacity.
        var perTable = (int)Math.Min(1 << 30, (long)Math.Max(capacity, 1) * 4 / 3 / _tables.Length + 1);
        var slots = Math.Max(MinSlots, (int)BitOperations.RoundUpToPowerOf2((uint)perTable));
        for (var i = 0; i < _tables.Length; i++)
        {
            _tables[i] = new ulong[slots];
        }
    }

    /// <summary>How many distinct hashes are held.</summary>
    public long Count
    {
        get
        {
            long count = _hasZero ? 1 : 0;
            foreach (var c in _counts)
            {
                count += c;
            }

            return count;
        }
    }

    /// <summary>Bytes held by the tables' slots.</summary>
    public long Bytes
    {
        get
        {
            long bytes = 0;
            foreach (var table in _tables)
            {
                bytes += table.Length * sizeof(ulong);
            }

            return bytes;
        }
    }

    /// <summary>Whether the hash is held.</summary>
    public bool Contains(ulong hash)
    {
        if (hash == 0)
        {
            return _hasZero;
        }

        var slots = _tables[hash >> (64 - TableBits)];
        var mask = slots.Length - 1;
        for (var i = (int)hash & mask; ; i = (i + 1) & mask)
        {
            var slot = slots[i];
            if (slot == hash)
            {
                return true;
            }

            if (slot == 0)
            {
                return false;
            }
        }
    }

    /// <summary>Adds the hash; false when it was already held.</summary>
    public bool Add(ulong hash)
    {
        if (hash == 0)
        {
            var added = !_hasZero;
            _hasZero = true;
            return added;
        }

        var table = (int)(hash >> (64 - TableBits));
        if ((_counts[table] + 1) * 4L > _tables[table].Length * 3L)
        {
            Grow(table);
        }

        if (!Insert(_tables[table], hash))
        {
            return false;
        }

        _counts[table]++;
        return true;
    }

    /// <summary>
    /// Adds every hash in order, as <see cref="Add"/> would one by one, setting <paramref name="added"/>
    /// for each. Asks the processor for the slot of a hash a few places ahead while it inserts
    /// the current one: the tables are far larger than the caches, so a lone insert mostly waits
    /// for memory (measured on a million hashes: two to three times faster).
    /// </summary>
    public void AddMany(ReadOnlySpan<ulong> hashes, Span<bool> added)
    {
        Debug.Assert(added.Length >= hashes.Length);
        const int Ahead = 8;
        for (var i = 0; i < hashes.Length; i++)
        {
            if (i + Ahead < hashes.Length && Sse.IsSupported)
            {
                var next = hashes[i + Ahead];
                var slots = _tables[next >> (64 - TableBits)];
                Sse.Prefetch0(Unsafe.AsPointer(ref slots[(int)next & (slots.Length - 1)]));
            }

            added[i] = Add(hashes[i]);
        }
    }

    // The ids' hashes are already uniform (XXH3), so the low bits are a fine slot; the top bits
    // chose the table.
    private static bool Insert(ulong[] slots, ulong hash)
    {
        var mask = slots.Length - 1;
        for (var i = (int)hash & mask; ; i = (i + 1) & mask)
        {
            if (slots[i] == hash)
            {
                return false;
            }

            if (slots[i] == 0)
            {
                slots[i] = hash;
                return true;
            }
        }
    }

    private void Grow(int table)
    {
        var bigger = new ulong[_tables[table].Length * 2];
        foreach (var hash in _tables[table])
        {
            if (hash != 0)
            {
                var inserted = Insert(bigger, hash);
                Debug.Assert(inserted);
            }
        }

        _tables[table] = bigger;
    }
}
