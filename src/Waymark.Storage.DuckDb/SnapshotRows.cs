using DuckDB.NET.Data;
using Waymark.Core.Errors;
using Waymark.Engine.Snapshot;

namespace Waymark.Storage.DuckDb;

/// <summary>
/// Reads one rowid range of the events table for a snapshot: how many events each subject has
/// there (<see cref="Count"/>), then the events themselves, written to their places
/// (<see cref="Write"/>). Both passes resolve subjects through the same remap, so they agree.
/// </summary>
internal static unsafe class SnapshotRows
{
    /// <summary>The columns a subject is read from: its own code, then the one it falls back to.</summary>
    public static string SubjectColumns(SubjectKind kind) => kind == SubjectKind.Person ? "person, anonymous" : "account, person";

    /// <summary>Per subject code, how many events of rows [<paramref name="from"/>, <paramref name="to"/>) it has.</summary>
    public static int[] Count(DuckDBConnection connection, SubjectKind kind, int[] remap, int subjectCount, long from, long to)
    {
        var counts = new int[subjectCount];
        ChunkReader.Stream(connection, $"SELECT {SubjectColumns(kind)} FROM events WHERE rowid >= {from} AND rowid < {to}", 2,
            (in ChunkReader.Chunk chunk) =>
            {
                for (var i = 0; i < chunk.Rows; i++)
                {
                    var subject = Subject(kind, remap, chunk, 0, i);
                    if (subject >= 0)
                    {
                        if (subject >= counts.Length)
                        {
                            ThrowHelper.Throw($"cannot read the store: an event has subject code {subject}, which its dictionary lacks");
                        }

                        counts[subject]++;
                    }
                }
            });
        return counts;
    }

    /// <summary>Writes the events of rows [<paramref name="from"/>, <paramref name="to"/>) that have a subject.</summary>
    public static void Write(DuckDBConnection connection, SubjectKind kind, int[] remap, long from, long to, EventLog.SliceWriter writer)
    {
        ChunkReader.Stream(connection, $"SELECT {SubjectColumns(kind)}, rowid, ts, name FROM events WHERE rowid >= {from} AND rowid < {to}", 5,
            (in ChunkReader.Chunk chunk) =>
            {
                var rows = chunk.Data<long>(2);
                var micros = chunk.Data<long>(3);
                var names = chunk.Data<uint>(4);
                for (var i = 0; i < chunk.Rows; i++)
                {
                    var subject = Subject(kind, remap, chunk, 0, i);
                    if (subject >= 0)
                    {
                        writer.Add(subject, Millis(micros[i]), (int)names[i], (int)rows[i]);
                    }
                }
            });
    }

    /// <summary>
    /// The subject code of a row whose subject columns start at <paramref name="column"/>, or -1
    /// when it has none: people resolve through identities, accounts fall back to the person's
    /// one account.
    /// </summary>
    public static int Subject(SubjectKind kind, int[] remap, in ChunkReader.Chunk chunk, int column, int row)
    {
        if (chunk.IsValid(column, row))
        {
            var own = (int)chunk.Data<uint>(column)[row];
            return kind == SubjectKind.Person && own < remap.Length ? remap[own] : own;
        }

        if (chunk.IsValid(column + 1, row))
        {
            var other = (int)chunk.Data<uint>(column + 1)[row];
            return other < remap.Length ? remap[other] : -1;
        }

        return -1;
    }

    /// <summary>DuckDB's microseconds as the engine's milliseconds, rounded down (also before 1970).</summary>
    public static long Millis(long micros) => Math.DivRem(micros, 1000, out var rest) - (rest < 0 ? 1 : 0);
}
