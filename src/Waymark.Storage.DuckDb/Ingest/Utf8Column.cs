using System.Diagnostics;
using System.Text;

namespace Waymark.Storage.DuckDb.Ingest;

/// <summary>
/// A column of nullable strings held as UTF-8 in one reused buffer: the batch is encoded once,
/// on the thread that prepares it, and the appending thread hands DuckDB the bytes as they are.
/// Capacity is kept between batches, so a steady import allocates nothing here.
/// </summary>
internal sealed class Utf8Column
{
    private byte[] _bytes = new byte[1 << 16];
    private int[] _starts = new int[1024];
    private int[] _lengths = new int[1024];
    private int _used;

    /// <summary>How many values the column holds.</summary>
    public int Count { get; private set; }

    /// <summary>Forgets every value, keeping capacity.</summary>
    public void Clear()
    {
        Count = 0;
        _used = 0;
    }

    /// <summary>Adds a value (null stays null) and returns its UTF-8 bytes.</summary>
    public ReadOnlySpan<byte> Add(string? value)
    {
        EnsureRows(Count + 1);
        if (value is null)
        {
            _starts[Count] = _used;
            _lengths[Count++] = -1;
            return default;
        }

        var max = Encoding.UTF8.GetMaxByteCount(value.Length);
        EnsureBytes(_used + max);
        var length = Encoding.UTF8.GetBytes(value, _bytes.AsSpan(_used));
        return Push(length);
    }

    /// <summary>Adds UTF-8 bytes as they are (null when <paramref name="isNull"/>).</summary>
    public void Add(ReadOnlySpan<byte> value, bool isNull)
    {
        EnsureRows(Count + 1);
        if (isNull)
        {
            _starts[Count] = _used;
            _lengths[Count++] = -1;
            return;
        }

        EnsureBytes(_used + value.Length);
        value.CopyTo(_bytes.AsSpan(_used));
        Push(value.Length);
    }

    /// <summary>Whether the value at <paramref name="row"/> is null.</summary>
    public bool IsNull(int row) => _lengths[row] < 0;

    /// <summary>The UTF-8 bytes of the value at <paramref name="row"/> (empty for null).</summary>
    public ReadOnlySpan<byte> this[int row]
    {
        get
        {
            Debug.Assert(row < Count);
            var length = _lengths[row];
            return length < 0 ? default : _bytes.AsSpan(_starts[row], length);
        }
    }

    /// <summary>The value at <paramref name="row"/> as a string, for the rare paths that need one.</summary>
    public string? GetString(int row) => IsNull(row) ? null : Encoding.UTF8.GetString(this[row]);

    /// <summary>Adds the values <paramref name="start"/> to <paramref name="start"/> + <paramref name="count"/> of another column.</summary>
    public void AddRange(Utf8Column other, int start, int count)
    {
        if (count == 0)
        {
            return;
        }

        // Values are laid out in row order, so the rows' bytes are one block: copy it once and
        // shift the starts.
        EnsureRows(Count + count);
        var from = other.StartOf(start);
        var to = other.StartOf(start + count);
        EnsureBytes(_used + to - from);
        Buffer.BlockCopy(other._bytes, from, _bytes, _used, to - from);
        var shift = _used - from;
        for (var i = 0; i < count; i++)
        {
            _starts[Count + i] = other._starts[start + i] + shift;
            _lengths[Count + i] = other._lengths[start + i];
        }

        Count += count;
        _used += to - from;
    }

    // Where the bytes of a row start (a null's is where the next value's would), or the end for the row after the last.
    private int StartOf(int row) => row == Count ? _used : _starts[row];

    /// <summary>Keeps only the values whose <paramref name="keep"/> flag is set, in their order.</summary>
    public void Keep(ReadOnlySpan<bool> keep)
    {
        int kept = 0, used = 0;
        for (var row = 0; row < Count; row++)
        {
            if (keep[row])
            {
                used = MoveTo(row, kept++, used);
            }
        }

        Count = kept;
        _used = used;
    }

    /// <summary>Forgets the first <paramref name="count"/> values, keeping the rest in order.</summary>
    public void RemoveFirst(int count)
    {
        var used = 0;
        for (var row = count; row < Count; row++)
        {
            used = MoveTo(row, row - count, used);
        }

        Count -= count;
        _used = used;
    }

    // Moves a value down to an earlier row whose bytes start at used; returns where the next may start.
    private int MoveTo(int from, int to, int used)
    {
        var length = _lengths[from];
        var start = _starts[from];
        _lengths[to] = length;
        _starts[to] = used;
        if (length <= 0)
        {
            return used;
        }

        Buffer.BlockCopy(_bytes, start, _bytes, used, length);
        return used + length;
    }

    private ReadOnlySpan<byte> Push(int length)
    {
        _starts[Count] = _used;
        _lengths[Count++] = length;
        var added = _bytes.AsSpan(_used, length);
        _used += length;
        return added;
    }

    private void EnsureRows(int rows)
    {
        if (rows > _starts.Length)
        {
            Array.Resize(ref _starts, Math.Max(rows, _starts.Length * 2));
            Array.Resize(ref _lengths, _starts.Length);
        }
    }

    private void EnsureBytes(int bytes)
    {
        if (bytes > _bytes.Length)
        {
            Array.Resize(ref _bytes, Math.Max(bytes, _bytes.Length * 2));
        }
    }
}
