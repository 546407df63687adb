using System.Diagnostics;
using DuckDB.NET.Data;
using Waymark.App;
using Waymark.Simulation;

namespace Waymark.Bench.Engine;

/// <summary>
/// The data every engine benchmark runs on: a simulated company in a Waymark store (the engine
/// builds its snapshot from it) and the same events, by person, in a DuckDB table of the shape
/// the twins expect — <c>events(row, subject, ms, ts, name, properties)</c>, subject as the
/// person's code (identities resolved as the snapshot does), name as an ENUM (DuckDB's fastest
/// form for names), sorted by (subject, ms) — and a Parquet copy of it for ClickHouse. Files
/// are kept in the bench folder and reused by later runs of the same size.
/// </summary>
internal static class EngineData
{
    public static (string Store, string Twin, string Parquet) Paths(string folder, long events)
    {
        var stem = Path.Combine(folder, $"engine-{events}");
        return (stem + ".db", stem + "-twin.duckdb", stem + ".parquet");
    }

    /// <summary>Simulates the company into a fresh store (seed 42).</summary>
    public static void Simulate(long events, string store)
    {
        var clock = Stopwatch.StartNew();
        using var workspace = Workspace.Open(store);
        workspace.Simulate(new SimulationOptions { Seed = 42, TargetEvents = events });
        Console.Error.WriteLine($"simulated {events:N0} events into {store} in {clock.Elapsed.TotalSeconds:F1} s");
    }

    /// <summary>Writes the twins' table and its Parquet copy from the store.</summary>
    public static void PrepareTwin(string store, string twin, string parquet)
    {
        var clock = Stopwatch.StartNew();
        File.Delete(twin);
        using var connection = new DuckDBConnection($"Data Source={twin}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            ATTACH '{store}' AS s (READ_ONLY);
            CREATE TYPE event_name AS ENUM (SELECT value FROM s.dictionary WHERE kind = 0 ORDER BY code);
            CREATE TABLE events AS
            WITH ids AS (
                SELECT a.code AS alias, p.code AS person FROM s.identities i
                JOIN s.dictionary a ON a.kind = 3 AND a.value = i.alias_id
                JOIN s.dictionary p ON p.kind = 3 AND p.value = i.person_id)
            SELECT e.rowid::INTEGER AS row,
                   coalesce(i.person, coalesce(e.person, e.anonymous)) AS subject,
                   epoch_ms(e.ts) AS ms,
                   e.ts::TIMESTAMP_MS AS ts,
                   d.value::event_name AS name,
                   e.properties::JSON AS properties
            FROM s.events e
            JOIN s.dictionary d ON d.kind = 0 AND d.code = e.name
            LEFT JOIN ids i ON i.alias = coalesce(e.person, e.anonymous)
            WHERE coalesce(e.person, e.anonymous) IS NOT NULL
            ORDER BY subject, ms, row;
            COPY (SELECT row, subject, ms, ts, name::VARCHAR AS name, properties::VARCHAR AS properties FROM events)
                TO '{parquet}' (FORMAT parquet);
            DETACH s;
            CHECKPOINT;
            """;
        command.ExecuteNonQuery();
        Console.Error.WriteLine($"prepared {twin} and {parquet} in {clock.Elapsed.TotalSeconds:F1} s");
    }
}
