using DuckDB.NET.Data;

namespace Waymark.Storage.DuckDb.Ingest;

/// <summary>
/// DuckDB settings for the length of a bulk session, reset to DuckDB's defaults when it ends
/// (the store sets them nowhere else):
/// <c>threads = 1</c>, because the session's own reader thread needs the other core more than
/// DuckDB's commits do (they run on the appending thread either way), and a
/// <c>memory_limit</c> of <see cref="MemoryLimit"/>, because an import only appends, and
/// DuckDB's default (80 % of the machine) lets its buffer pool grow with the file. Measured on
/// 10 million messages: 128 MiB imports as fast as 256 MiB with a peak 134 MiB lower; 64 MiB
/// took half as long again (DuckDB reads evicted blocks back).
/// The settings are the database instance's, so they also apply to other connections to the
/// same file in this process while the session lasts; they are never written to the file.
/// </summary>
internal sealed class BulkSettings : IDisposable
{
    /// <summary>DuckDB's memory limit during a bulk session.</summary>
    public const string MemoryLimit = "128MiB";

    private readonly DuckDBConnection _connection;

    public BulkSettings(DuckDBConnection connection)
    {
        _connection = connection;
        Sql.Execute(connection, $"SET threads = 1; SET memory_limit = '{MemoryLimit}'");
    }

    public void Dispose() => Sql.Execute(_connection, "RESET threads; RESET memory_limit");
}
