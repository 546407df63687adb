using System.Runtime.CompilerServices;
using DuckDB.NET.Data;
using Waymark.Engine.Snapshot;

namespace Waymark.Storage.DuckDb;

public sealed partial class DuckDbEventStore
{
    // The stamp of every snapshot this store built, read or refreshed: checked before one is extended.
    private readonly ConditionalWeakTable<EventLog, SnapshotStamp> _stamps = new();

    /// <summary>
    /// The engine's snapshot of every stored event, by person or by account: read back from the
    /// snapshot file when <see cref="UsesSnapshotFiles"/> and the file still fits the store (then
    /// only rows stored since are read), else built. Building reads the columns unordered as raw
    /// data chunks (DuckDB returns about 100 million rows a second without ORDER BY and ten times
    /// fewer with it), in one rowid range per core, twice: first only the subject columns, to
    /// count each subject's events, then every column, each event written straight to its sorted
    /// place. People are resolved through identities one link deep, as the store's statistics
    /// count them; an event without an account counts for its person's account when the person
    /// belongs to exactly one. Properties and traits load from this store on first use.
    /// </summary>
    public EventLog LoadSnapshot(SubjectKind kind)
    {
        if (UsesSnapshotFiles && LoadSnapshotFile(kind) is { } fromFile)
        {
            return fromFile;
        }

        var log = Build(kind, SnapshotCodes.Ties(_connection, kind), null);
        SaveSnapshotFile(log, always: true);
        return log;
    }

    /// <summary>
    /// Brings <paramref name="log"/> up to date: adds the events stored since it was built (rows
    /// from its <see cref="EventLog.SourceRows"/> on), late ones included; returns it unchanged
    /// when nothing changed. When identities or memberships changed the subject of events it
    /// already holds (a snapshot of this store's), builds the snapshot again instead.
    /// </summary>
    public EventLog RefreshSnapshot(EventLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var kind = log.SubjectKind;
        var ties = SnapshotCodes.Ties(_connection, kind);
        var personCodes = SnapshotCodes.Counts(_connection)[(int)DictionaryKind.Person];
        _stamps.TryGetValue(log, out var stamp);
        var remap = stamp?.CurrentRemap(_connection, kind, ties, personCodes) ?? SnapshotCodes.Remap(_connection, kind, personCodes);
        if (stamp is not null && !stamp.RemapHolds(remap))
        {
            var rebuilt = Build(kind, ties, remap);
            SaveSnapshotFile(rebuilt, always: true);
            return rebuilt;
        }

        var end = (int)Scalar($"SELECT coalesce(max(rowid) + 1, 0) FROM events WHERE rowid >= {log.SourceRows}");
        if (end <= log.SourceRows)
        {
            if (stamp is not null && stamp.Remap != remap)
            {
                _stamps.AddOrUpdate(log, stamp with { Ties = ties, Remap = remap });
            }

            return log;
        }

        var builder = EventLog.Builder.From(log);
        ReadInto(builder, log, end, remap);
        var refreshed = builder.Build();
        _stamps.Add(refreshed, SnapshotStamp.Take(_connection, end, ties, remap));
        SaveSnapshotFile(refreshed, always: false);
        return refreshed;
    }

    /// <summary>The fewest rows worth a reader of their own when building a snapshot (tests lower it).</summary>
    internal long SnapshotSliceRows { get; set; } = 1_000_000;

    /// <summary>Builds the snapshot of every stored event with the given remap (read when null).</summary>
    private EventLog Build(SubjectKind kind, string ties, int[]? remap)
    {
        var end = (int)Scalar("SELECT coalesce(max(rowid) + 1, 0) FROM events");
        remap ??= SnapshotCodes.Remap(_connection, kind, SnapshotCodes.Counts(_connection)[(int)DictionaryKind.Person]);
        var (subjects, names) = SnapshotCodes.Tables(_connection, kind, null);
        var ranges = Slices(0, end);
        var counts = new int[ranges.Length][];
        OnEachSlice(ranges, (slice, connection, from, to) => counts[slice] = SnapshotRows.Count(connection, kind, remap, subjects.Length, from, to));
        var builder = new EventLog.CountedBuilder(kind, subjects, names, counts);
        OnEachSlice(ranges, (slice, connection, from, to) => SnapshotRows.Write(connection, kind, remap, from, to, builder.Writer(slice)));
        var source = new StoreProperties(_connection, kind);
        var log = builder.Build(end, source, source);
        _stamps.Add(log, SnapshotStamp.Take(_connection, end, ties, remap));
        return log;
    }

    /// <summary>Reads the rows stored after <paramref name="log"/>'s, up to <paramref name="end"/> (excluded), into a builder from it.</summary>
    private void ReadInto(EventLog.Builder builder, EventLog log, int end, int[] remap)
    {
        var (kind, fromRow) = (log.SubjectKind, log.SourceRows);
        var (subjects, names) = SnapshotCodes.Tables(_connection, kind, log);
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
