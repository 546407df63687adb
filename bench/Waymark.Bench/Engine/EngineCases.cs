using System.Globalization;
using System.Text;
using Waymark.Engine.Snapshot;

namespace Waymark.Bench.Engine;

/// <summary>Every engine benchmark case, by name.</summary>
internal static class EngineCases
{
    public static IReadOnlyList<EngineCase> All { get; } =
    [
        new("name-counts", NameCounts,
            "SELECT string_agg(name || ':' || n, ',' ORDER BY name) FROM (SELECT name::VARCHAR AS name, count(*) AS n FROM events GROUP BY 1)",
            "SELECT arrayStringConcat(arrayMap(x -> concat(x.1, ':', toString(x.2)), arraySort(groupArray((name, n)))), ',') FROM (SELECT name, count() AS n FROM events GROUP BY name)"),
    ];

    public static EngineCase Find(string name) =>
        All.FirstOrDefault(c => c.Name == name) ?? throw new ArgumentException($"unknown engine case {name}; known: {string.Join(", ", All.Select(c => c.Name))}");

    /// <summary>A kernel that reads every event: how many events of each name.</summary>
    private static string NameCounts(EventLog log)
    {
        var perPartition = new long[log.Partitions.Count][];
        Parallel.For(0, log.Partitions.Count, p =>
        {
            var counts = new long[log.Names.Count];
            foreach (var name in log.Partitions[p].Names)
            {
                counts[name]++;
            }

            perPartition[p] = counts;
        });
        var totals = new long[log.Names.Count];
        foreach (var counts in perPartition)
        {
            for (var i = 0; i < totals.Length; i++)
            {
                totals[i] += counts[i];
            }
        }

        var text = new StringBuilder();
        foreach (var code in Enumerable.Range(0, totals.Length).Where(c => totals[c] > 0).OrderBy(c => log.Names[c], StringComparer.Ordinal))
        {
            text.Append(text.Length == 0 ? "" : ",").Append(log.Names[code]).Append(':').Append(totals[code].ToString(CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }
}
