using DuckDB.NET.Data;
using Waymark.Engine.Snapshot;

namespace Waymark.Storage.DuckDb;

public sealed partial class DuckDbEventStore
{
    /// <summary>
    /// Builds the engine's snapshot of every stored event, by person or by account. Columns are
    /// read unordered as raw data chunks (DuckDB returns about 100 million rows a second without
    /// ORDER BY and ten times fewer with it), in one rowid range per core, twice: first only the
    /// subject columns, to count each subject's events, then every column, each event written
    /// straight to its sorted place. People are resolved through identities one link deep, as the
    /// store's statistics count them; an event without an account counts for its person's account
    /// when the person belongs to exactly one. Properties and traits load from this store on first use.
    /// </summary>
    public EventLog LoadSnapshot(SubjectKind kind)
    {
        var end = (int)Scalar("SELECT coalesce(max(rowid) + 1, 0) FROM events");
        var (subjects, names, remap) = SnapshotCodes.Load(_connection, kind);
        var ranges = Slices(0, end);
        var counts = new int[ranges.Length][];
        OnEachSlice(ranges, (slice, connection, from, to) => counts[slice] = SnapshotRows.Count(connection, kind, remap, subjects.Length, from, to));
        var builder = new EventLog.CountedBuilder(kind, subjects, names, counts);
        OnEachSlice(ranges, (slice, connection, from, to) => SnapshotRows.Write(connection, kind, remap, from, to, builder.Writer(slice)));
        var source = new StoreProperties(_connection, kind);
        return builder.Build(end, source, source);
    }

    /// <summary>
    /// Adds to <paramref name="log"/> the events stored since it was built (rows from its
    /// <see cref="EventLog.SourceRows"/> on), late ones included; returns it unchanged when none.
    /// </summary>
    public EventLog RefreshSnapshot(EventLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var builder = EventLog.Builder.From(log);
        return ReadInto(builder, log.SubjectKind, log.SourceRows) ? builder.Build() : log;
    }

    /// <summary>The fewest rows worth a reader of their own when building a snapshot (tests lower it).</summary>
    internal long SnapshotSliceRows { get; set; } = 1_000_000;

    /// <summary>Reads rows from <paramref name="fromRow"/> on into the builder; false when there are none.</summary>
    private bool ReadInto(EventLog.Builder builder, SubjectKind kind, int fromRow)
    {
        var end = (int)Scalar($"SELECT coalesce(max(rowid) + 1, 0) FROM events WHERE rowid >= {fromRow}");
        if (end <= fromRow)
        {
            return false;
        }

        var (subjects, names, remap) = SnapshotCodes.Load(_connection, kind);
        builder.SetSubjectIds(subjects);
        builder.SetNames(names);
        builder.Reserve(end - fromRow);
        builder.CoverRows(end);

        // The builder takes each reader's converted rows under a lock, 64,000 at a time.
        var gate = new Lock();
        OnEachSlice(Slices(fromRow, end), (_, connection, from, to) =>
        {
            var buffers = new SnapshotBuffers(kind, remap, builder, gate);
            ChunkReader.Stream(connection, $"SELECT {SnapshotRows.SubjectColumns(kind)}, ts, name, rowid FROM events WHERE rowid >= {from} AND rowid < {to}", 5,
                (in ChunkReader.Chunk chunk) => buffers.Convert(chunk));
            buffers.Flush();
        });
        return true;
    }

    /// <summary>Rows [<paramref name="from"/>, <paramref name="to"/>) cut into one range per core, when there are enough.</summary>
    private (long From, long To)[] Slices(long from, long to)
    {
        var slices = (int)Math.Clamp((to - from) / SnapshotSliceRows, 1, Environment.ProcessorCount);
        var ranges = new (long, long)[slices];
        for (var slice = 0; slice < slices; slice++)
        {
            ranges[slice] = (from + ((to - from) * slice / slices), from + ((to - from) * (slice + 1) / slices));
        }

        return ranges;
    }

    /// <summary>
    /// Runs <paramref name="read"/> on each range in parallel: DuckDB streams one query's chunks
    /// on one thread, so every range but the first is read on a connection of its own.
    /// </summary>
    private void OnEachSlice((long From, long To)[] ranges, Action<int, DuckDBConnection, long, long> read) =>
        Parallel.For(0, ranges.Length, slice =>
        {
            using var own = slice == 0 ? null : new DuckDBConnection(_connection.ConnectionString);
            own?.Open();
            read(slice, own ?? _connection, ranges[slice].From, ranges[slice].To);
        });

    private long Scalar(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
