using DuckDB.NET.Data;
using Waymark.Engine.Kernels.Paths;

namespace Waymark.Twins.DuckDb;

/// <summary>
/// The directly-follows graph in DuckDB SQL: <c>lag()</c> over each subject's events ordered by
/// (ms, row), grouped by pair; exact quantiles with <c>quantile_cont</c>; start and end activities
/// with <c>arg_min</c>/<c>arg_max</c> over (ms, row).
/// </summary>
public static class DirectlyFollowsSql
{
    public static PathGraph Run(DuckDBConnection connection, DirectlyFollowsQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var scoped = PathSql.ScopedEvents(query.Scope, "row, subject, ms, name");
        var times = query.WithTimes
            ? "avg(d), quantile_cont(d, 0.5), quantile_cont(d, 0.9), min(d), max(d)"
            : "NULL, NULL, NULL, NULL, NULL";
        var edges = new List<PathEdge>();
        PathSql.Read(connection, $"""
            SELECT a, b, count(*), {times}
            FROM (SELECT lag(name) OVER w AS a, name AS b, ms - lag(ms) OVER w AS d
                  FROM ({scoped}) WINDOW w AS (PARTITION BY subject ORDER BY ms, row))
            WHERE a IS NOT NULL
            GROUP BY a, b
            ORDER BY count(*) DESC, a, b
            """, r => edges.Add(new PathEdge(r.GetString(0), r.GetString(1), r.GetInt64(2), query.WithTimes
                ? new EdgeTimes(r.GetDouble(3), r.GetDouble(4), r.GetDouble(5), r.GetInt64(6), r.GetInt64(7))
                : null)));

        var starts = new List<ActivityCount>();
        var ends = new List<ActivityCount>();
        long subjects = 0, events = 0;
        PathSql.Read(connection, $"""
            WITH firsts AS (SELECT arg_min(name, (ms, row)) AS first, arg_max(name, (ms, row)) AS last, count(*) AS n
                            FROM ({scoped}) GROUP BY subject)
            SELECT 's', first, count(*), sum(n)::BIGINT FROM firsts GROUP BY first
            UNION ALL SELECT 'e', last, count(*), 0 FROM firsts GROUP BY last
            ORDER BY 1, 3 DESC, 2
            """, r =>
        {
            var count = r.GetInt64(2);
            if (r.GetString(0) == "s")
            {
                starts.Add(new ActivityCount(r.GetString(1), count));
                subjects += count;
                events += r.GetInt64(3);
            }
            else
            {
                ends.Add(new ActivityCount(r.GetString(1), count));
            }
        });
        return new PathGraph(subjects, events, edges, starts, ends);
    }
}
