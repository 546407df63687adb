using DuckDB.NET.Data;
using Waymark.Engine.Kernels.Durations;
using Waymark.Engine.Kernels.Statistics;

namespace Waymark.Twins.DuckDb;

/// <summary>
/// Time from A to B and between milestones in DuckDB SQL: positions by <c>row_number()</c> over
/// (ms, row), A as <c>min</c>/<c>max</c> of the matching positions, B as <c>min</c>/<c>max</c> of the
/// matching positions after A; statistics with <c>quantile_cont</c> and an integer-division histogram.
/// </summary>
public static class DurationsSql
{
    public static DurationResult Run(DuckDBConnection connection, DurationQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var a = query.FromOccurrence == Occurrence.First ? "min" : "max";
        var b = query.ToOccurrence == Occurrence.First ? "min" : "max";
        var prefix = $"""
            WITH e AS (SELECT *, row_number() OVER (PARTITION BY subject ORDER BY ms, row) AS pos FROM ({PathSql.ScopedEvents(query.Scope)})),
            a AS (SELECT subject, {a}(pos) AS p FROM e WHERE {PathSql.Condition(query.From)} GROUP BY subject),
            b AS (SELECT a.subject, {b}(e.pos) AS p FROM a JOIN e ON e.subject = a.subject AND e.pos > a.p
                  WHERE {PathSql.Condition(query.To)} GROUP BY a.subject),
            d AS (SELECT b.subject, eb.ms - ea.ms AS d FROM b JOIN a USING (subject)
                  JOIN e ea ON ea.subject = a.subject AND ea.pos = a.p JOIN e eb ON eb.subject = b.subject AND eb.pos = b.p)
            """;
        long started = 0;
        PathSql.Read(connection, prefix + " SELECT count(*) FROM a", r => started = r.GetInt64(0));
        var stats = Stats(connection, prefix, query.HistogramBins);
        List<SubjectDuration>? subjects = null;
        if (query.PerSubject)
        {
            subjects = [];
            PathSql.Read(connection, prefix + " SELECT subject, d FROM d ORDER BY subject", r => subjects.Add(new SubjectDuration(r.GetString(0), r.GetInt64(1))));
        }

        return new DurationResult(started, stats?.Count ?? 0, stats, subjects);
    }

    public static MilestoneDurations Run(DuckDBConnection connection, MilestoneQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var ctes = new List<string>
        {
            $"e AS (SELECT *, row_number() OVER (PARTITION BY subject ORDER BY ms, row) AS pos FROM ({PathSql.ScopedEvents(query.Scope)}))",
            $"m0 AS (SELECT subject, min(pos) AS p FROM e WHERE {PathSql.Condition(query.Milestones[0])} GROUP BY subject)",
        };
        for (var m = 1; m < query.Milestones.Count; m++)
        {
            ctes.Add($"m{m} AS (SELECT m.subject, min(e.pos) AS p FROM m{m - 1} m JOIN e ON e.subject = m.subject AND e.pos > m.p WHERE {PathSql.Condition(query.Milestones[m])} GROUP BY m.subject)");
        }

        for (var m = 0; m < query.Milestones.Count; m++)
        {
            ctes.Add($"t{m} AS (SELECT m.subject, e.ms FROM m{m} m JOIN e ON e.subject = m.subject AND e.pos = m.p)");
        }

        var prefix = "WITH " + string.Join(",\n", ctes);
        var stages = new List<MilestoneStage>();
        for (var m = 0; m < query.Milestones.Count; m++)
        {
            long reached = 0;
            PathSql.Read(connection, $"{prefix} SELECT count(*) FROM t{m}", r => reached = r.GetInt64(0));
            var stats = m == 0 ? null
                : Stats(connection, $"{prefix}, d AS (SELECT t{m}.ms - t{m - 1}.ms AS d FROM t{m} JOIN t{m - 1} USING (subject))", query.HistogramBins);
            stages.Add(new MilestoneStage(query.Milestones[m], reached, stats));
        }

        var last = query.Milestones.Count - 1;
        var total = Stats(connection, $"{prefix}, d AS (SELECT t{last}.ms - t0.ms AS d FROM t{last} JOIN t0 USING (subject))", query.HistogramBins);
        return new MilestoneDurations(stages, total);
    }

    // Statistics of column d of relation d, defined by the CTE prefix.
    private static DurationStats? Stats(DuckDBConnection connection, string prefix, int bins)
    {
        DurationStats? stats = null;
        PathSql.Read(connection, $"""
            {prefix}
            SELECT count(*), avg(d), quantile_cont(d, 0.5), quantile_cont(d, 0.75), quantile_cont(d, 0.9), min(d), max(d),
                   greatest(1, (max(d) - min(d) + 1 + {bins} - 1) // {bins}) FROM d
            """, r =>
        {
            if (r.GetInt64(0) > 0)
            {
                stats = new DurationStats(r.GetInt64(0), r.GetDouble(1), r.GetDouble(2), r.GetDouble(3), r.GetDouble(4), r.GetInt64(5), r.GetInt64(6), []);
                stats = stats with { Histogram = Histogram(connection, prefix, stats.Min, stats.Max, r.GetInt64(7)) };
            }
        });
        return stats;
    }

    private static DurationBin[] Histogram(DuckDBConnection connection, string prefix, long min, long max, long width)
    {
        var used = (int)(((max - min) / width) + 1);
        var bins = new DurationBin[used];
        for (var i = 0; i < used; i++)
        {
            bins[i] = new DurationBin(min + (i * width), min + ((i + 1) * width), 0);
        }

        PathSql.Read(connection, $"{prefix} SELECT (d - {min}) // {width}, count(*) FROM d GROUP BY 1", r =>
        {
            var i = (int)r.GetInt64(0);
            bins[i] = bins[i] with { Count = r.GetInt64(1) };
        });
        return bins;
    }
}
