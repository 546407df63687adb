using DuckDB.NET.Data;
using Waymark.Engine.Snapshot;

namespace Waymark.Storage.DuckDb;

public sealed partial class DuckDbEventStore
{
    /// <summary>
    /// Builds the engine's snapshot of every stored event, by person or by account. Columns are
    /// read unordered as raw data chunks and sorted in memory (DuckDB returns about 100 million
    /// rows a second without ORDER BY and ten times fewer with it). People are resolved through
    /// identities one link deep, as the store's statistics count them; an event without an account
    /// counts for its person's account when the person belongs to exactly one. Properties and
    /// traits load from this store on first use.
    /// </summary>
    public EventLog LoadSnapshot(SubjectKind kind)
    {
        var builder = new EventLog.Builder(kind);
        ReadInto(builder, kind, 0);
        var source = new StoreProperties(_connection, kind);
        return builder.Build(source, source);
    }

    /// <summary>
    /// Adds to <paramref name="log"/> the events stored since it was built (rows from its
    /// <see cref="EventLog.SourceRows"/> on), late ones included; returns it unchanged when none.
    /// </summary>
    public EventLog RefreshSnapshot(EventLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var builder = EventLog.Builder.From(log);
        return ReadInto(builder, log.SubjectKind, log.SourceRows) == 0 ? log : builder.Build();
    }

    /// <summary>The fewest rows worth a reader of their own when building a snapshot (tests lower it).</summary>
    internal long SnapshotSliceRows { get; set; } = 1_000_000;

    private int ReadInto(EventLog.Builder builder, SubjectKind kind, int fromRow)
    {
        var end = Scalar($"SELECT coalesce(max(rowid) + 1, 0) FROM events WHERE rowid >= {fromRow}");
        if (end <= fromRow)
        {
            return 0;
        }

        var (subjects, names, remap) = SnapshotCodes.Load(_connection, kind);
        builder.SetSubjectIds(subjects);
        builder.SetNames(names);
        builder.Reserve((int)(end - fromRow));
        var columns = kind == SubjectKind.Person ? "rowid, ts, name, person, anonymous" : "rowid, ts, name, account, person";

        // DuckDB streams one query's chunks on one thread, so the rows are cut into one range per
        // core, each read on a connection of its own; the builder takes their converted rows under a lock.
        var slices = (int)Math.Clamp((end - fromRow) / SnapshotSliceRows, 1, Environment.ProcessorCount);
        var gate = new Lock();
        var added = 0;
        Parallel.For(0, slices, slice =>
        {
            var from = fromRow + ((end - fromRow) * slice / slices);
            var to = fromRow + ((end - fromRow) * (slice + 1) / slices);
            using var connection = slice == 0 ? null : new DuckDBConnection(_connection.ConnectionString);
            connection?.Open();
            var buffers = new SnapshotBuffers(kind, remap, builder, gate);
            ChunkReader.Stream(connection ?? _connection, $"SELECT {columns} FROM events WHERE rowid >= {from} AND rowid < {to}", 5,
                (in ChunkReader.Chunk chunk) => buffers.Convert(chunk));
            buffers.Flush();
            Interlocked.Add(ref added, buffers.Added);
        });
        return added;
    }

    private long Scalar(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
