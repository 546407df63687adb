using DuckDB.NET.Data;
using Waymark.Tests;
using Waymark.Twins.ChDb;

namespace Waymark.Twins.Tests.ChDb;

[Collection(ChDbCollection.Name)]
public sealed class ParquetFromDuckDbTests
{
    [Fact]
    public void ParquetWrittenByDuckDb_LoadsIntoMergeTree()
    {
        using var folder = new TempFolder();
        var parquet = folder.File("events.parquet");
        // Shaped like the store's events: TIMESTAMP (naive, UTC by convention), codes as UINTEGER.
        WriteWithDuckDb($"""
            COPY (
                SELECT (i % 100)::UINTEGER AS subject,
                       TIMESTAMP '2025-01-01 00:00:00' + to_milliseconds(i * 1001) AS ts,
                       ['a', 'b', 'c'][(i % 3) + 1] AS name
                FROM range(10000) r(i)
            ) TO '{parquet}' (FORMAT parquet)
            """);
        using var session = ChDbSession.Open();

        // DuckDB writes every column as optional, which ClickHouse reads as Nullable, and a
        // MergeTree refuses a Nullable sorting key (code 44) unless told to read them as not null.
        session.Execute($"""
            CREATE TABLE t ENGINE = MergeTree ORDER BY (subject, ts)
            AS SELECT * FROM file('{parquet}', Parquet)
            SETTINGS schema_inference_make_columns_nullable = 0
            """);

        Assert.Equal<string?[]>(
            [["subject", "UInt32"], ["ts", "DateTime64(6, 'UTC')"], ["name", "String"]],
            session.Rows("SELECT name, type FROM system.columns WHERE table = 't' ORDER BY position"));
        Assert.Equal(10_000, session.Scalar("SELECT count() FROM t"));
        Assert.Equal(100, session.Scalar("SELECT uniqExact(subject) FROM t"));
        // i = 9999: subject 99, 9999 × 1.001 s = 10008.999 s after midnight, name 'a' (9999 % 3 = 0).
        Assert.Equal<string?[]>(
            [["99", "2025-01-01 02:46:48.999000", "1735699608999", "a"]],
            session.Rows("SELECT subject, ts, toUnixTimestamp64Milli(ts), name FROM t ORDER BY ts DESC LIMIT 1"));
    }

    private static void WriteWithDuckDb(string sql)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
