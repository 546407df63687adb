using Waymark.Engine.Snapshot;

namespace Waymark.Storage.DuckDb;

/// <summary>
/// Turns data chunks of (subject, fallback, ts, name, rowid) into snapshot columns, gathering
/// about 64,000 rows before handing them to the shared builder, so that the readers running in
/// parallel take its lock rarely.
/// </summary>
internal sealed unsafe class SnapshotBuffers(SubjectKind kind, int[] remap, EventLog.Builder builder, Lock gate)
{
    private const int Capacity = 1 << 16;
    private readonly int[] _subjects = new int[Capacity];
    private readonly long[] _times = new long[Capacity];
    private readonly int[] _names = new int[Capacity];
    private readonly int[] _rows = new int[Capacity];
    private int _count;

    /// <summary>Events handed to the builder with a subject so far.</summary>
    public int Added { get; private set; }

    /// <summary>Converts the chunk's rows (a chunk holds at most 2,048), flushing first when they would not fit.</summary>
    public void Convert(in ChunkReader.Chunk chunk)
    {
        if (_count + chunk.Rows > Capacity)
        {
            Flush();
        }

        var micros = chunk.Data<long>(2);
        var names = chunk.Data<uint>(3);
        var rowIds = chunk.Data<long>(4);
        for (var i = 0; i < chunk.Rows; i++)
        {
            var subject = SnapshotRows.Subject(kind, remap, chunk, 0, i);
            var at = _count++;
            _subjects[at] = subject;
            _times[at] = SnapshotRows.Millis(micros[i]);
            _names[at] = (int)names[i];
            _rows[at] = (int)rowIds[i];
            Added += subject >= 0 ? 1 : 0;
        }
    }

    /// <summary>Hands the gathered rows to the builder.</summary>
    public void Flush()
    {
        lock (gate)
        {
            builder.Add(_subjects.AsSpan(0, _count), _times.AsSpan(0, _count), _names.AsSpan(0, _count), _rows.AsSpan(0, _count));
        }

        _count = 0;
    }
}
