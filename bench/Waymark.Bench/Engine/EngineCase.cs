using Waymark.Engine.Snapshot;

namespace Waymark.Bench.Engine;

/// <summary>
/// One engine benchmark: the kernel, its DuckDB SQL twin and (where ClickHouse has one) its
/// ClickHouse twin, each reducing its answer to one text so the run can show that all three
/// computed the same thing, not only how fast.
/// </summary>
/// <param name="Name">The case's name on the command line and in the table.</param>
/// <param name="Engine">Runs the kernel on the snapshot and returns the answer's text.</param>
/// <param name="DuckDbSql">A query over the twin table returning one row, one text column: the same answer.</param>
/// <param name="ClickHouseSql">The same over ClickHouse's copy, or null when ClickHouse has no twin.</param>
internal sealed record EngineCase(string Name, Func<EventLog, string> Engine, string DuckDbSql, string? ClickHouseSql);
