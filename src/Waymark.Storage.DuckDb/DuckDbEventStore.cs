using DuckDB.NET.Data;
using Waymark.Core.Errors;
using Waymark.Core.Storage;
using Waymark.Engine.Snapshot;

namespace Waymark.Storage.DuckDb;

/// <summary>
/// The embedded store: one DuckDB file (default <c>./waymark.db</c>). Opening it applies any
/// pending schema migrations. DuckDB lets one process at a time open a file for writing;
/// a second process gets a clear error.
/// </summary>
public sealed partial class DuckDbEventStore : IEventStore, ISnapshotSource
{
    private readonly DuckDBConnection _connection;
    private readonly TimeProvider _time;
    private DedupIndex? _dedup;
    private Dictionaries? _dictionaries;
    private bool _appending;

    private DuckDbEventStore(string location, DuckDBConnection connection, TimeProvider time)
    {
        Location = location;
        _connection = connection;
        _time = time;
    }

    /// <inheritdoc />
    public string Location { get; }

    /// <inheritdoc />
    public int SchemaVersion => Migrations.CurrentVersion(_connection);

    /// <summary>
    /// Opens (creating if needed) the database file at <paramref name="path"/> and migrates it.
    /// Throws <see cref="WaymarkException"/> when the file cannot be opened (locked by another
    /// process, not a DuckDB file, written by a newer Waymark).
    /// </summary>
    public static DuckDbEventStore Open(string path, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full);
        if (folder is not null && !Directory.Exists(folder))
        {
            ThrowHelper.Throw($"{path}: the folder {folder} does not exist; create it or choose another --db path");
        }

        var connection = new DuckDBConnection($"Data Source={full}");
        try
        {
            connection.Open();
            Migrations.Apply(connection, path);
        }
        catch (DuckDBException e)
        {
            connection.Dispose();
            throw new WaymarkException($"{path}: cannot open the Waymark database: {FirstLine(e.Message)}", e);
        }
        catch
        {
            connection.Dispose();
            throw;
        }

        return new DuckDbEventStore(path, connection, time ?? TimeProvider.System);
    }

    /// <inheritdoc />
    public IAppendSession BeginAppend(AppendMode mode = AppendMode.PerBatch)
    {
        if (_appending)
        {
            ThrowHelper.Throw("an append session is already open on this store; finish it first");
        }

        _dedup ??= LoadDedupIndex();
        _dictionaries ??= Dictionaries.Load(_connection);
        _appending = true;
        return new AppendSession(this, mode);
    }

    /// <inheritdoc />
    public StoreStats GetStats(int topEventNames = int.MaxValue) => StatsQuery.Run(_connection, topEventNames);

    /// <summary>Runs a query and returns its first column as text, for tests and diagnostics.</summary>
    internal List<string?> QueryColumn(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string?>();
        while (reader.Read())
        {
            values.Add(reader.IsDBNull(0) ? null : Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture));
        }

        return values;
    }

    /// <inheritdoc />
    public void Dispose() => _connection.Dispose();

    private DedupIndex LoadDedupIndex()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT (SELECT count(*) FROM events) + (SELECT count(*) FROM profile_messages)";
        var count = Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        var index = new DedupIndex((int)Math.Min(count + (1 << 16), int.MaxValue / 4));
        command.CommandText = "SELECT id_hash FROM events UNION ALL SELECT id_hash FROM profile_messages";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            index.Add(reader.GetFieldValue<ulong>(0));
        }

        return index;
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOf('\n', StringComparison.Ordinal);
        return end < 0 ? message : message[..end];
    }
}
