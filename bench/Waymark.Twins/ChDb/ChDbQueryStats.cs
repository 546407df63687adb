namespace Waymark.Twins.ChDb;

/// <summary>What ClickHouse reports about one statement it ran.</summary>
/// <param name="Elapsed">ClickHouse's own time for the statement, without the managed copy of its result.</param>
/// <param name="ResultRows">Rows in the result (libchdb's <c>rows_read</c>, despite the name).</param>
/// <param name="ResultBytes">Bytes of the result in ClickHouse's columns, before formatting.</param>
/// <param name="StorageRowsRead">Rows read from tables and files.</param>
/// <param name="StorageBytesRead">Bytes read from tables and files.</param>
public readonly record struct ChDbQueryStats(
    TimeSpan Elapsed, ulong ResultRows, ulong ResultBytes, ulong StorageRowsRead, ulong StorageBytesRead);
