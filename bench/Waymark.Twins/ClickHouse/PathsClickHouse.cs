using System.Globalization;
using Waymark.Engine.Execution;
using Waymark.Engine.Kernels.Paths;
using Waymark.Engine.Kernels.Variants;
using Waymark.Twins.ChDb;

namespace Waymark.Twins.ClickHouse;

/// <summary>
/// The directly-follows graph and trace variants in ClickHouse SQL over the <c>events</c> table
/// (loaded from <see cref="TwinEvents.WriteParquet"/>): each subject's events as one array sorted
/// by (ms, row) with <c>arraySort(groupArray(...))</c>; pairs with <c>arrayZip</c> of the array
/// without its last and without its first element; exact quantiles with
/// <c>quantileExactInclusive</c> (linear interpolation at rank (n - 1) q, as the engine).
/// Time ranges only: these twins do not take cohorts.
/// </summary>
public static class PathsClickHouse
{
    public static PathGraph DirectlyFollows(ChDbSession session, DirectlyFollowsQuery query)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(query);
        var traces = $"SELECT arraySort(groupArray((ms, row, name))) AS evs FROM events {Where(query.Scope)} GROUP BY subject";
        var times = query.WithTimes
            ? "avg(p.2.1 - p.1.1), quantileExactInclusive(0.5)(p.2.1 - p.1.1), quantileExactInclusive(0.9)(p.2.1 - p.1.1), min(p.2.1 - p.1.1), max(p.2.1 - p.1.1)"
            : "0, 0, 0, 0, 0";
        var edges = new List<PathEdge>();
        foreach (var f in Rows(session.Query($"""
            SELECT p.1.3 AS a, p.2.3 AS b, count() AS c, {times}
            FROM ({traces}) ARRAY JOIN arrayZip(arrayPopBack(evs), arrayPopFront(evs)) AS p
            GROUP BY a, b
            ORDER BY c DESC, a, b
            """)))
        {
            edges.Add(new PathEdge(f[0], f[1], Long(f[2]), query.WithTimes ? new EdgeTimes(Double(f[3]), Double(f[4]), Double(f[5]), Long(f[6]), Long(f[7])) : null));
        }

        var starts = new List<ActivityCount>();
        var ends = new List<ActivityCount>();
        long subjects = 0, events = 0;
        foreach (var f in Rows(session.Query($"""
            SELECT * FROM (
                SELECT 's' AS k, evs[1].3 AS name, count() AS c, sum(length(evs)) AS n FROM ({traces}) GROUP BY name
                UNION ALL SELECT 'e' AS k, evs[-1].3 AS name, count() AS c, 0 AS n FROM ({traces}) GROUP BY name)
            ORDER BY k, c DESC, name
            """)))
        {
            var count = Long(f[2]);
            if (f[0] == "s")
            {
                starts.Add(new ActivityCount(f[1], count));
                subjects += count;
                events += Long(f[3]);
            }
            else
            {
                ends.Add(new ActivityCount(f[1], count));
            }
        }

        return new PathGraph(subjects, events, edges, starts, ends);
    }

    public static VariantSet Variants(ChDbSession session, VariantsQuery query)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(query);
        var top = new List<Variant>();
        long subjects = 0, distinct = 0;
        foreach (var f in Rows(session.Query($"""
            SELECT arrayStringConcat(names, char(1)), n, median, sum(n) OVER (), count() OVER ()
            FROM (SELECT names, count() AS n, quantileExactInclusive(0.5)(duration) AS median
                  FROM (SELECT arrayMap(x -> x.3, arraySort(groupArray((ms, row, name)))) AS names, max(ms) - min(ms) AS duration
                        FROM events {Where(query.Scope)} GROUP BY subject)
                  GROUP BY names)
            ORDER BY n DESC, names
            LIMIT {query.Top}
            """)))
        {
            subjects = Long(f[3]);
            distinct = Long(f[4]);
            top.Add(new Variant(f[0].Split('\u0001'), Long(f[1]), (double)Long(f[1]) / subjects, Double(f[2])));
        }

        return new VariantSet(subjects, distinct, top);
    }

    private static string Where(QueryScope scope)
    {
        if (!scope.Cohort.IsEveryone)
        {
            throw new ArgumentException("the ClickHouse twins take time ranges only, not cohorts", nameof(scope));
        }

        return scope.Range.IsAll ? string.Empty : $"WHERE ms >= {scope.Range.From} AND ms < {scope.Range.To}";
    }

    private static IEnumerable<string[]> Rows(string tsv) =>
        tsv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split('\t'));

    private static long Long(string text) => long.Parse(text, CultureInfo.InvariantCulture);

    private static double Double(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}
