using System.Diagnostics;
using Waymark.Core.Model;

namespace Waymark.Storage.DuckDb.Ingest;

/// <summary>
/// Events as the columns of the <c>events</c> table, ready for DuckDB: id hashes, UTF-8 ids and
/// properties, times in microseconds, dictionary codes (<see cref="NoCode"/> for null). Filled on
/// the thread that prepares a batch, written by <see cref="Write"/> on the appending one. Arrays
/// are reused between batches.
/// </summary>
internal sealed partial class EventRows
{
    /// <summary>The code column's null.</summary>
    public const uint NoCode = uint.MaxValue;

    private ulong[] _hashes = new ulong[1024];
    private long[] _times = new long[1024];
    private readonly uint[][] _codes = [new uint[1024], new uint[1024], new uint[1024], new uint[1024], new uint[1024], new uint[1024]];
    private byte[] _actors = new byte[1024];
    private double[] _values = new double[1024];
    private double[] _sentiments = new double[1024];
    private byte[] _given = new byte[1024];

    // Person, anonymous, account, name, channel, source: the table's columns 3 to 8.
    private const int CodeColumns = 6;
    private const byte HasValue = 1;
    private const byte HasSentiment = 2;

    /// <summary>The message ids, UTF-8.</summary>
    public Utf8Column Ids { get; } = new();

    /// <summary>The properties' JSON text, UTF-8.</summary>
    public Utf8Column Properties { get; } = new();

    /// <summary>How many rows are held.</summary>
    public int Count { get; private set; }

    /// <summary>The id hash of a row.</summary>
    public ulong Hash(int row) => _hashes[row];

    /// <summary>Forgets every row, keeping capacity.</summary>
    public void Clear()
    {
        Count = 0;
        Ids.Clear();
        Properties.Clear();
    }

    /// <summary>Adds an event whose id is already in <see cref="Ids"/> at this row (ids may be added ahead), with its codes.</summary>
    public void Add(Event e, ulong hash, ReadOnlySpan<uint> codes)
    {
        Debug.Assert(codes.Length == CodeColumns && Ids.Count > Count);
        Ensure(Count + 1);
        var row = Count++;
        _hashes[row] = hash;
        _times[row] = (e.Timestamp.Ticks - DateTime.UnixEpoch.Ticks) / (TimeSpan.TicksPerMillisecond / 1000);
        for (var c = 0; c < CodeColumns; c++)
        {
            _codes[c][row] = codes[c];
        }

        _actors[row] = (byte)e.Actor;
        _values[row] = e.Value ?? 0;
        _sentiments[row] = e.Sentiment ?? 0;
        _given[row] = (byte)((e.Value.HasValue ? HasValue : 0) | (e.Sentiment.HasValue ? HasSentiment : 0));
        Properties.Add(e.Properties.Json);
    }

    /// <summary>Adds rows <paramref name="start"/> to <paramref name="start"/> + <paramref name="count"/> of <paramref name="other"/>.</summary>
    public void AddRange(EventRows other, int start, int count)
    {
        Ensure(Count + count);
        Array.Copy(other._hashes, start, _hashes, Count, count);
        Array.Copy(other._times, start, _times, Count, count);
        for (var c = 0; c < CodeColumns; c++)
        {
            Array.Copy(other._codes[c], start, _codes[c], Count, count);
        }

        Array.Copy(other._actors, start, _actors, Count, count);
        Array.Copy(other._values, start, _values, Count, count);
        Array.Copy(other._sentiments, start, _sentiments, Count, count);
        Array.Copy(other._given, start, _given, Count, count);
        Ids.AddRange(other.Ids, start, count);
        Properties.AddRange(other.Properties, start, count);
        Count += count;
    }

    private void Ensure(int rows)
    {
        if (rows <= _hashes.Length)
        {
            return;
        }

        var size = Math.Max(rows, _hashes.Length * 2);
        Array.Resize(ref _hashes, size);
        Array.Resize(ref _times, size);
        for (var c = 0; c < CodeColumns; c++)
        {
            Array.Resize(ref _codes[c], size);
        }

        Array.Resize(ref _actors, size);
        Array.Resize(ref _values, size);
        Array.Resize(ref _sentiments, size);
        Array.Resize(ref _given, size);
    }
}
