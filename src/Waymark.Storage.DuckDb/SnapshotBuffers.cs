using Waymark.Engine.Snapshot;

namespace Waymark.Storage.DuckDb;

/// <summary>Turns one data chunk of (rowid, ts, name, subject, fallback) into snapshot columns.</summary>
internal sealed unsafe class SnapshotBuffers
{
    private readonly int[] _subjects = new int[4096];
    private readonly long[] _times = new long[4096];
    private readonly int[] _names = new int[4096];
    private readonly int[] _rows = new int[4096];

    /// <summary>Adds the chunk's events to the builder; returns how many had a subject.</summary>
    public int Fill(in ChunkReader.Chunk chunk, SubjectKind kind, int[] remap, EventLog.Builder builder)
    {
        var rowIds = chunk.Data<long>(0);
        var micros = chunk.Data<long>(1);
        var names = chunk.Data<uint>(2);
        var primary = chunk.Data<uint>(3);
        var fallback = chunk.Data<uint>(4);
        var count = chunk.Rows;
        var added = 0;
        for (var i = 0; i < count; i++)
        {
            var subject = -1;
            if (chunk.IsValid(3, i))
            {
                subject = (int)primary[i];
                subject = kind == SubjectKind.Person && subject < remap.Length ? remap[subject] : subject;
            }
            else if (chunk.IsValid(4, i))
            {
                var other = (int)fallback[i];
                subject = other < remap.Length ? remap[other] : -1;
            }

            _subjects[i] = subject;
            _times[i] = Math.DivRem(micros[i], 1000, out var rest) - (rest < 0 ? 1 : 0);
            _names[i] = (int)names[i];
            _rows[i] = (int)rowIds[i];
            added += subject >= 0 ? 1 : 0;
        }

        builder.Add(_subjects.AsSpan(0, count), _times.AsSpan(0, count), _names.AsSpan(0, count), _rows.AsSpan(0, count));
        return added;
    }
}
