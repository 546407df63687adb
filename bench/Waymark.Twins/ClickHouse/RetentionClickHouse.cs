using System.Globalization;
using Waymark.Engine.Kernels.Retention;
using Waymark.Engine.Snapshot;
using Waymark.Twins.ChDb;

namespace Waymark.Twins.ClickHouse;

/// <summary>
/// Retention through ClickHouse's own <c>retention(cond1, cond2, …)</c>: per subject and cohort
/// period c, <c>cond1</c> = a start event in c, and <c>cond(k+2)</c> = a return event in period
/// c + k; ClickHouse sets result k+1 when cond1 and cond(k+2) both occurred, and the cohorts add
/// them up with <c>sumForEach</c>. The cohort periods themselves (first or every start period)
/// come from a plain <c>min</c>/<c>DISTINCT</c>: <c>retention</c> does not choose them.
/// </summary>
public static class RetentionClickHouse
{
    /// <summary>The most later periods: <c>retention</c> takes at most 32 conditions.</summary>
    public const int MaxPeriods = 30;

    /// <summary>Runs the query on <c>events</c> (conditions on event names only).</summary>
    /// <exception cref="NotSupportedException">More than <see cref="MaxPeriods"/> periods.</exception>
    public static RetentionResult Run(ChDbSession session, RetentionQuery query, TimeRange range)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(query);
        if (query.Periods > MaxPeriods)
        {
            throw new NotSupportedException($"ClickHouse's retention takes at most 32 conditions: {MaxPeriods} later periods; asked for {query.Periods}.");
        }

        var period = TwinSql.PeriodNumber(query.Unit, query.WeekStart, "ms", "toYear(ts)", "toMonth(ts)", clickHouse: true);
        var start = TwinSql.NameTest(query.Start);
        var back = TwinSql.NameTest(query.Return);
        var starts = query.Mode == RetentionMode.FirstTime
            ? $"SELECT subject, min(p) AS c FROM e WHERE {start} GROUP BY subject"
            : $"SELECT DISTINCT subject, p AS c FROM e WHERE {start}";
        var conditions = string.Join(", ", Enumerable.Range(0, query.Periods + 1).Select(k => $"{back} AND p = c + {k}"));
        var rows = session.Rows($"""
            WITH e AS (SELECT subject, name, {period} AS p FROM events WHERE {TwinSql.RangeTest(range)}),
            starts AS ({starts})
            SELECT c, sumForEach(r) FROM (
                SELECT s.subject, s.c AS c, retention({start} AND p = s.c, {conditions}) AS r
                FROM e INNER JOIN starts AS s ON e.subject = s.subject
                GROUP BY s.subject, s.c)
            GROUP BY c
            UNION ALL
            SELECT max(p), CAST([] AS Array(UInt64)) FROM e
            """);
        var sizes = new Dictionary<long, long>();
        var returned = new Dictionary<(long, int), long>();
        var last = long.MinValue;
        foreach (var row in rows)
        {
            var c = long.Parse(row[0]!, CultureInfo.InvariantCulture);
            var sums = row[1]!.Trim('[', ']').Split(',', StringSplitOptions.RemoveEmptyEntries)
                .Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            if (sums.Length == 0)
            {
                last = c;
                continue;
            }

            sizes[c] = sums[0];
            for (var k = 0; k + 1 < sums.Length; k++)
            {
                returned[(c, k)] = sums[k + 1];
            }
        }

        return RetentionTable.Build(query, sizes, returned, last);
    }
}
