using DuckDB.NET.Data;
using Waymark.Engine.Snapshot;
using Waymark.Twins.ChDb;

namespace Waymark.Bench.Engine;

/// <summary>
/// One engine benchmark: the kernel, its DuckDB SQL twin and (where ClickHouse has one) its
/// ClickHouse twin, each reducing its answer to one text (a digest of the result) so the run shows
/// that all three computed the same thing, not only how fast.
/// </summary>
/// <param name="Name">The case's name on the command line and in the table.</param>
/// <param name="Engine">Runs the kernel on the snapshot and returns the digest.</param>
/// <param name="DuckDb">Runs the DuckDB twin over the twin table and returns the digest.</param>
/// <param name="ClickHouse">Runs the ClickHouse twin, or null when ClickHouse has no twin.</param>
internal sealed record EngineCase(string Name, Func<EventLog, string> Engine, Func<DuckDBConnection, string> DuckDb, Func<ChDbSession, string>? ClickHouse);
