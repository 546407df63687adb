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

    private int ReadInto(EventLog.Builder builder, SubjectKind kind, int fromRow)
    {
        var (subjects, names, remap) = SnapshotCodes.Load(_connection, kind);
        builder.SetSubjectIds(subjects);
        builder.SetNames(names);
        var total = Scalar($"SELECT count(*) FROM events WHERE rowid >= {fromRow}");
        builder.Reserve((int)total);
        var sql = kind == SubjectKind.Person
            ? $"SELECT rowid, ts, name, person, anonymous FROM events WHERE rowid >= {fromRow}"
            : $"SELECT rowid, ts, name, account, person FROM events WHERE rowid >= {fromRow}";
        var buffers = new SnapshotBuffers();
        var added = 0;
        ChunkReader.Stream(_connection, sql, 5, (in ChunkReader.Chunk chunk) => added += buffers.Fill(chunk, kind, remap, builder));
        return added;
    }

    private long Scalar(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
