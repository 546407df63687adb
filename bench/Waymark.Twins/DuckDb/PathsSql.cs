using DuckDB.NET.Data;
using Waymark.Engine.Kernels.Paths;

namespace Waymark.Twins.DuckDb;

/// <summary>
/// Sankey paths in DuckDB SQL: sessions by a running sum of gaps, the anchor as the smallest
/// position matching the condition per session, repeats collapsed with <c>lag</c>/<c>lead</c>
/// (dropping an event equal to its neighbour is the same as comparing with the last kept one),
/// steps by <c>row_number</c>, names past the per-step limit folded into NULL ("other"); the top
/// whole paths by <c>string_agg</c> of each path's names.
/// </summary>
public static class PathsSql
{
    // Every path's names by distance from the anchor: r(subject, session, name, d), d < depth.
    private static string Steps(PathsQuery query)
    {
        var backward = query.End is not null;
        var anchor = query.Start ?? query.End;
        var gap = query.SessionGap is { } g ? (long)g.TotalMilliseconds : (long?)null;
        var session = gap is null ? "0" : $"sum(CASE WHEN ms - prev > {gap} THEN 1 ELSE 0 END) OVER (PARTITION BY subject ORDER BY pos ROWS UNBOUNDED PRECEDING)";
        var excluded = query.Excluded.Count == 0 ? "TRUE" : "name NOT IN (" + string.Join(", ", query.Excluded.Select(PathSql.Text)) + ")";
        var neighbour = backward ? "lead" : "lag";
        var side = backward ? "k.pos <= a.anchor" : "k.pos >= a.anchor";
        var order = backward ? "pos DESC" : "pos";
        var collapse = query.CollapseRepeats ? "name IS DISTINCT FROM near" : "TRUE";
        return $"""
            WITH e AS (SELECT *, row_number() OVER (PARTITION BY subject ORDER BY ms, row) AS pos,
                              lag(ms) OVER (PARTITION BY subject ORDER BY ms, row) AS prev
                       FROM ({PathSql.ScopedEvents(query.Scope)})),
            s AS (SELECT subject, pos, name, properties, {session} AS session FROM e),
            k AS (SELECT * FROM s WHERE {excluded}),
            a AS (SELECT subject, session, min(pos) AS anchor FROM k WHERE {(anchor is null ? "TRUE" : PathSql.Condition(anchor))} GROUP BY subject, session),
            p AS (SELECT k.subject, k.session, k.pos, k.name, k.pos = a.anchor AS is_anchor,
                         {neighbour}(k.name) OVER (PARTITION BY k.subject, k.session ORDER BY k.pos) AS near
                  FROM k JOIN a ON k.subject = a.subject AND k.session = a.session AND {side}),
            q AS (SELECT subject, session, name, row_number() OVER (PARTITION BY subject, session ORDER BY {order}) - 1 AS d
                  FROM p WHERE is_anchor OR {collapse}),
            r AS (SELECT * FROM q WHERE d < {query.Depth})
            """;
    }

    public static PathFlow Run(DuckDBConnection connection, PathsQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var backward = query.End is not null;
        var sql = $"""
            {Steps(query)},
            ranked AS (SELECT d, name, row_number() OVER (PARTITION BY d ORDER BY count(*) DESC, name) AS rk FROM r GROUP BY d, name),
            r2 AS (SELECT r.subject, r.session, r.d, CASE WHEN rk <= {query.NodesPerStep} THEN r.name END AS label
                   FROM r JOIN ranked USING (d, name))
            SELECT 'p', 0, NULL, NULL, count(*) FROM a
            UNION ALL SELECT 'n', d, label, NULL, count(*) FROM r2 GROUP BY d, label
            UNION ALL SELECT 'l', x.d, x.label, y.label, count(*) FROM r2 x JOIN r2 y
                ON x.subject = y.subject AND x.session = y.session AND y.d = x.d + 1 GROUP BY x.d, x.label, y.label
            """;
        long paths = 0;
        var nodes = new List<(int Step, string? Name, long Count)>();
        var links = new List<(int D, string? Near, string? Far, long Count)>();
        PathSql.Read(connection, sql, r =>
        {
            var kind = r.GetString(0);
            var d = (int)r.GetInt64(1);
            string? Label(int i) => r.IsDBNull(i) ? null : r.GetString(i);
            if (kind == "p")
            {
                paths = r.GetInt64(4);
            }
            else if (kind == "n")
            {
                nodes.Add((backward ? -d : d, Label(2), r.GetInt64(4)));
            }
            else
            {
                links.Add((d, Label(2), Label(3), r.GetInt64(4)));
            }
        });

        var ordered = nodes.OrderBy(n => n.Step).ThenBy(n => n.Name is null).ThenByDescending(n => n.Count)
            .ThenBy(n => n.Name, StringComparer.Ordinal).Select(n => new PathNode(n.Step, n.Name, n.Count)).ToList();
        var index = ordered.Select((n, i) => (n, i)).ToDictionary(x => (x.n.Step, x.n.Name ?? "\0other"), x => x.i);
        int Node(int d, string? name) => index[(backward ? -d : d, name ?? "\0other")];
        var flow = links.Select(l => backward
                ? new PathLink(Node(l.D + 1, l.Far), Node(l.D, l.Near), l.Count)
                : new PathLink(Node(l.D, l.Near), Node(l.D + 1, l.Far), l.Count))
            .OrderBy(l => ordered[l.Source].Step).ThenByDescending(l => l.Count).ThenBy(l => l.Source).ThenBy(l => l.Target).ToList();
        return new PathFlow(paths, ordered, flow) { Top = query.TopPaths == 0 ? [] : TopPaths(connection, query) };
    }

    /// <summary>
    /// The most frequent whole paths (<see cref="PathFlow.Top"/>): each path's names joined in
    /// time order, counted per distinct text, ranked in C# by count and names (ordinal).
    /// </summary>
    public static IReadOnlyList<PathSequence> TopPaths(DuckDBConnection connection, PathsQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var order = query.End is not null ? "d DESC" : "d";
        var sql = $"""
            {Steps(query)}
            SELECT path, count(*) FROM (SELECT string_agg(CAST(name AS VARCHAR), chr(31) ORDER BY {order}) AS path FROM r GROUP BY subject, session)
            GROUP BY path
            """;
        var paths = new List<PathSequence>();
        PathSql.Read(connection, sql, r => paths.Add(new PathSequence(r.GetString(0).Split('\u001f'), r.GetInt64(1))));
        paths.Sort((x, y) => x.Count != y.Count ? y.Count.CompareTo(x.Count) : CompareNames(x.Names, y.Names));
        return paths.Take(query.TopPaths).ToList();
    }

    private static int CompareNames(IReadOnlyList<string> x, IReadOnlyList<string> y)
    {
        for (var i = 0; i < Math.Min(x.Count, y.Count); i++)
        {
            var c = string.CompareOrdinal(x[i], y[i]);
            if (c != 0)
            {
                return c;
            }
        }

        return x.Count.CompareTo(y.Count);
    }
}
