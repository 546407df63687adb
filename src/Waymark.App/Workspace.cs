using Waymark.Core.Storage;
using Waymark.Engine.Snapshot;
using Waymark.Storage.DuckDb;

namespace Waymark.App;

/// <summary>
/// The one application service that surfaces (CLI, server) call: it opens the store and
/// answers every request. Surfaces never build SQL or walk events themselves.
/// </summary>
public sealed partial class Workspace : IDisposable
{
    /// <summary>The database file used when neither <c>--db</c> nor <see cref="DatabaseVariable"/> says otherwise.</summary>
    public const string DefaultDatabase = "waymark.db";

    /// <summary>The environment variable that names the database file.</summary>
    public const string DatabaseVariable = "WAYMARK_DB";

    private readonly IEventStore _store;
    private readonly ISnapshotSource _snapshots;
    private readonly TimeProvider _time;
    private readonly EventLog?[] _logs = new EventLog?[2];

    private Workspace(IEventStore store, ISnapshotSource snapshots, TimeProvider time)
    {
        _store = store;
        _snapshots = snapshots;
        _time = time;
    }

    /// <summary>Where the store is.</summary>
    public string Location => _store.Location;

    /// <summary>The schema version of the open store.</summary>
    public int SchemaVersion => _store.SchemaVersion;

    /// <summary>
    /// Opens the embedded store at <paramref name="databasePath"/>, or, when null, at the path in
    /// <see cref="DatabaseVariable"/>, or at <see cref="DefaultDatabase"/> in the current folder.
    /// </summary>
    public static Workspace Open(string? databasePath = null, TimeProvider? time = null)
    {
        time ??= TimeProvider.System;
        // A snapshot file beside the store spares each new process building the snapshot from DuckDB.
        var store = DuckDbEventStore.Open(ResolveDatabasePath(databasePath), time);
        store.UsesSnapshotFiles = true;
        return new Workspace(store, store, time);
    }

    /// <summary>The database path that <see cref="Open"/> would use.</summary>
    public static string ResolveDatabasePath(string? databasePath) =>
        !string.IsNullOrWhiteSpace(databasePath) ? databasePath
        : Environment.GetEnvironmentVariable(DatabaseVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment
        : DefaultDatabase;

    /// <summary>Counts of what the store holds, with the <paramref name="topEventNames"/> most frequent event names.</summary>
    public StoreStats Stats(int topEventNames = int.MaxValue) => _store.GetStats(topEventNames);

    /// <summary>
    /// The engine's snapshot of every stored event by person or by account: on first use read back
    /// from the snapshot file beside the store when it still fits the store, else built (and the
    /// file written), then brought up to date with the events stored since (only the partitions
    /// they touch are rebuilt).
    /// </summary>
    public EventLog Snapshot(SubjectKind kind)
    {
        ref var log = ref _logs[(int)kind];
        log = log is null ? _snapshots.LoadSnapshot(kind) : _snapshots.RefreshSnapshot(log);
        return log;
    }

    /// <inheritdoc />
    public void Dispose() => _store.Dispose();
}
