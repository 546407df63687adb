using Waymark.Twins.ChDb;

namespace Waymark.Twins.ClickHouse;

/// <summary>Puts the twins' events into a ClickHouse session as the table the ClickHouse twins read.</summary>
public static class ClickHouseEvents
{
    /// <summary>
    /// Creates <c>events(row, subject, ms, ts, name, properties)</c>, a MergeTree sorted by
    /// (subject, ms, row) with names as <c>LowCardinality(String)</c> (ClickHouse's form for a
    /// few distinct values), from a Parquet file written by <see cref="TwinEvents.WriteParquet"/>.
    /// </summary>
    public static void Load(ChDbSession session, string parquetPath, string table = "events")
    {
        ArgumentNullException.ThrowIfNull(session);
        session.Execute($"DROP TABLE IF EXISTS {table}");
        session.Execute($"""
            CREATE TABLE {table} ENGINE = MergeTree ORDER BY (subject, ms, row)
            AS SELECT row, subject, ms, ts, toLowCardinality(name) AS name, properties FROM file({TwinSql.Literal(parquetPath)}, Parquet)
            SETTINGS schema_inference_make_columns_nullable = 0
            """);
    }
}
