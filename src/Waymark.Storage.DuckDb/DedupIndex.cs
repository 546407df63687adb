using System.Diagnostics;
using System.Numerics;

namespace Waymark.Storage.DuckDb;

/// <summary>
/// The 64-bit hashes of every message id in the store, in an open-addressing set, so that an
/// append can tell new messages from possible duplicates without asking the database. A hit is
/// only a candidate: the store confirms it against the stored ids, because two ids can share
/// a hash. Zero marks an empty slot, so the hash 0 is kept aside in a flag.
/// </summary>
internal sealed class DedupIndex
{
    private ulong[] _slots;
    private int _count;
    private bool _hasZero;

    public DedupIndex(int capacity = 1 << 16)
    {
        _slots = new ulong[Math.Max(16, (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(capacity * 2, 16)))];
    }

    /// <summary>How many distinct hashes are held.</summary>
    public long Count => _count + (_hasZero ? 1 : 0);

    /// <summary>Whether the hash is held.</summary>
    public bool Contains(ulong hash)
    {
        if (hash == 0)
        {
            return _hasZero;
        }

        var mask = _slots.Length - 1;
        for (var i = Slot(hash, mask); ; i = (i + 1) & mask)
        {
            var slot = _slots[i];
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

        if ((_count + 1) * 4L > _slots.Length * 3L)
        {
            Grow();
        }

        return Insert(_slots, hash) && ++_count > 0;
    }

    private static bool Insert(ulong[] slots, ulong hash)
    {
        var mask = slots.Length - 1;
        for (var i = Slot(hash, mask); ; i = (i + 1) & mask)
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

    // The ids' hashes are already uniform (XXH3), so the low bits are a fine slot.
    private static int Slot(ulong hash, int mask) => (int)hash & mask;

    private void Grow()
    {
        var bigger = new ulong[_slots.Length * 2];
        foreach (var hash in _slots)
        {
            if (hash != 0)
            {
                var inserted = Insert(bigger, hash);
                Debug.Assert(inserted);
            }
        }

        _slots = bigger;
    }
}
