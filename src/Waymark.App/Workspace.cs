using Waymark.Core.Storage;
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
    private readonly TimeProvider _time;

    private Workspace(IEventStore store, TimeProvider time)
    {
        _store = store;
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
        return new Workspace(DuckDbEventStore.Open(ResolveDatabasePath(databasePath), time), time);
    }

    /// <summary>The database path that <see cref="Open"/> would use.</summary>
    public static string ResolveDatabasePath(string? databasePath) =>
        !string.IsNullOrWhiteSpace(databasePath) ? databasePath
        : Environment.GetEnvironmentVariable(DatabaseVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment
        : DefaultDatabase;

    /// <summary>Counts of what the store holds, with the <paramref name="topEventNames"/> most frequent event names.</summary>
    public StoreStats Stats(int topEventNames = int.MaxValue) => _store.GetStats(topEventNames);

    /// <inheritdoc />
    public void Dispose() => _store.Dispose();
}
