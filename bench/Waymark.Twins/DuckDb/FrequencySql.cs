using System.Globalization;
using DuckDB.NET.Data;
using Waymark.Engine.Kernels.Frequency;
using Waymark.Engine.Snapshot;

namespace Waymark.Twins.DuckDb;

/// <summary>
/// Frequency and time between repeats in DuckDB SQL: a <c>GROUP BY subject, period</c> count, and
/// <c>lag()</c> gaps with <c>quantile_disc</c>.
/// </summary>
public static class FrequencySql
{
    /// <summary>Events per subject per period, against the <c>events</c> table (conditions on event names only).</summary>
    public static FrequencyResult Run(DuckDBConnection connection, FrequencyQuery query, TimeRange range)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(query);
        var period = TwinSql.PeriodNumber(query.Unit, query.WeekStart, "ms", "year(ts)", "month(ts)", clickHouse: false);
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            WITH e AS (SELECT subject, name, {period} AS p FROM events WHERE {TwinSql.RangeTest(range)}),
            n AS (SELECT subject, p, count(*) AS n FROM e WHERE {TwinSql.NameTest(query.Event)} GROUP BY subject, p)
            SELECT p, least(n, {query.MaxCount})::INTEGER AS bucket, count(*) AS subjects, sum(n)::BIGINT AS events FROM n GROUP BY ALL
            UNION ALL SELECT min(p), -1, 0, 0 FROM e
            UNION ALL SELECT max(p), -2, 0, 0 FROM e
            """;
        var cells = new List<(long Period, int Bucket, long Subjects, long Events)>();
        long first = 0, last = -1;
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                if (reader.IsDBNull(0))
                {
                    continue;
                }

                var p = reader.GetInt64(0);
                switch (reader.GetInt32(1))
                {
                    case -1: first = p; break;
                    case -2: last = p; break;
                    default: cells.Add((p, reader.GetInt32(1), reader.GetInt64(2), reader.GetInt64(3))); break;
                }
            }
        }

        var periods = new List<FrequencyPeriod>();
        var overall = new long[query.MaxCount];
        long overallSubjects = 0, overallEvents = 0;
        for (var p = first; p <= last; p++)
        {
            var byCount = new long[query.MaxCount];
            long subjects = 0, events = 0;
            foreach (var cell in cells.Where(c => c.Period == p))
            {
                byCount[cell.Bucket - 1] += cell.Subjects;
                overall[cell.Bucket - 1] += cell.Subjects;
                subjects += cell.Subjects;
                events += cell.Events;
            }

            overallSubjects += subjects;
            overallEvents += events;
            periods.Add(new FrequencyPeriod(TwinSql.PeriodStart(query.Unit, query.WeekStart, p), new FrequencyDistribution(subjects, events, byCount)));
        }

        return new FrequencyResult(query.Unit, query.WeekStart, query.MaxCount, periods, new FrequencyDistribution(overallSubjects, overallEvents, overall));
    }

    /// <summary>Gaps between each subject's consecutive events (in time, then row order), against the <c>events</c> table.</summary>
    public static RepeatResult Repeats(DuckDBConnection connection, RepeatQuery query, TimeRange range)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(query);
        var bucket = string.Join(" + ", query.BoundsMs.Select(b => string.Create(CultureInfo.InvariantCulture, $"(gap >= {b})::INTEGER")).DefaultIfEmpty("0"));
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            WITH x AS (
                SELECT subject, row_number() OVER w AS i, ms - lag(ms) OVER w AS gap
                FROM events WHERE {TwinSql.NameTest(query.Event)} AND {TwinSql.RangeTest(range)}
                WINDOW w AS (PARTITION BY subject ORDER BY ms, row)),
            g AS (SELECT gap, i = 2 AS first, {bucket} AS bucket FROM x WHERE gap IS NOT NULL)
            SELECT -1 AS kind, (SELECT count(DISTINCT subject) FROM x), (SELECT count(*) FROM x WHERE i = 2), NULL, NULL, NULL, NULL
            UNION ALL
            SELECT 0, count(*), NULL, quantile_disc(gap, 0.5), quantile_disc(gap, 0.75), quantile_disc(gap, 0.9), avg(gap) FROM g
            UNION ALL
            SELECT 1, count(*), NULL, quantile_disc(gap, 0.5), quantile_disc(gap, 0.75), quantile_disc(gap, 0.9), avg(gap) FROM g WHERE first
            UNION ALL
            SELECT 10 + bucket, count(*), NULL, NULL, NULL, NULL, NULL FROM g GROUP BY bucket
            UNION ALL
            SELECT 1000 + bucket, count(*), NULL, NULL, NULL, NULL, NULL FROM g WHERE first GROUP BY bucket
            """;
        long subjects = 0, repeating = 0;
        var stats = new (long Count, long? P50, long? P75, long? P90, double? Mean)[2];
        var histograms = new[] { new long[query.BoundsMs.Count + 1], new long[query.BoundsMs.Count + 1] };
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var kind = reader.GetInt32(0);
                long? Long(int i) => reader.IsDBNull(i) ? null : reader.GetInt64(i);
                switch (kind)
                {
                    case -1: subjects = reader.GetInt64(1); repeating = reader.GetInt64(2); break;
                    case 0 or 1: stats[kind] = (reader.GetInt64(1), Long(3), Long(4), Long(5), reader.IsDBNull(6) ? null : reader.GetDouble(6)); break;
                    case >= 1000: histograms[1][kind - 1000] = reader.GetInt64(1); break;
                    default: histograms[0][kind - 10] = reader.GetInt64(1); break;
                }
            }
        }

        GapStatistics Statistics(int i) => new(stats[i].Count, stats[i].P50, stats[i].P75, stats[i].P90, stats[i].Mean,
            histograms[i].Select((n, b) => new GapBucket(b == 0 ? 0 : query.BoundsMs[b - 1], b == query.BoundsMs.Count ? null : query.BoundsMs[b], n)).ToList());
        return new RepeatResult(subjects, repeating, Statistics(0), Statistics(1));
    }
}
