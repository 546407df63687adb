using DuckDB.NET.Data;
using Waymark.Engine.Kernels.Retention;
using Waymark.Engine.Snapshot;

namespace Waymark.Twins.DuckDb;

/// <summary>
/// Retention in DuckDB SQL: period numbers of start events (the first per subject, or every
/// distinct one when recurring) joined to the distinct periods of return events.
/// </summary>
public static class RetentionSql
{
    /// <summary>Runs the query against the <c>events</c> table (conditions on event names only).</summary>
    public static RetentionResult Run(DuckDBConnection connection, RetentionQuery query, TimeRange range)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(query);
        var period = TwinSql.PeriodNumber(query.Unit, query.WeekStart, "ms", "year(ts)", "month(ts)", clickHouse: false);
        var starts = query.Mode == RetentionMode.FirstTime
            ? $"SELECT subject, min(p) AS c FROM e WHERE {TwinSql.NameTest(query.Start)} GROUP BY subject"
            : $"SELECT DISTINCT subject, p AS c FROM e WHERE {TwinSql.NameTest(query.Start)}";
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            WITH e AS (SELECT subject, name, {period} AS p FROM events WHERE {TwinSql.RangeTest(range)}),
            starts AS ({starts}),
            returns AS (SELECT DISTINCT subject, p FROM e WHERE {TwinSql.NameTest(query.Return)})
            SELECT 0 AS kind, c, 0 AS k, count(*) AS n FROM starts GROUP BY c
            UNION ALL
            SELECT 1, s.c, (r.p - s.c)::INTEGER, count(*) FROM starts s JOIN returns r
                ON r.subject = s.subject AND r.p BETWEEN s.c AND s.c + {query.Periods} GROUP BY ALL
            UNION ALL
            SELECT 2, max(p), 0, 0 FROM e
            """;
        var sizes = new Dictionary<long, long>();
        var returned = new Dictionary<(long, int), long>();
        var last = long.MinValue;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            if (reader.IsDBNull(1))
            {
                continue;
            }

            var c = reader.GetInt64(1);
            switch (reader.GetInt32(0))
            {
                case 0: sizes[c] = reader.GetInt64(3); break;
                case 1: returned[(c, reader.GetInt32(2))] = reader.GetInt64(3); break;
                default: last = c; break;
            }
        }

        return RetentionTable.Build(query, sizes, returned, last);
    }
}
