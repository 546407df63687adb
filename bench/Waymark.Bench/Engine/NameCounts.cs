using System.Globalization;
using System.Text;
using DuckDB.NET.Data;
using Waymark.Engine.Snapshot;
using Waymark.Twins.ChDb;

namespace Waymark.Bench.Engine;

/// <summary>The simplest kernel that reads every event (events per name), as a floor for the others.</summary>
internal static class NameCounts
{
    public static string Engine(EventLog log)
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

    public static string DuckDb(DuckDBConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT string_agg(name || ':' || n, ',' ORDER BY name) FROM (SELECT name::VARCHAR AS name, count(*) AS n FROM events GROUP BY 1)";
        return command.ExecuteScalar()?.ToString() ?? "";
    }

    public static string ClickHouse(ChDbSession session) => session.Rows(
        "SELECT arrayStringConcat(arrayMap(x -> concat(x.1, ':', toString(x.2)), arraySort(groupArray((name, n)))), ',') FROM (SELECT toString(name) AS name, count() AS n FROM events GROUP BY name)")[0][0] ?? "";
}
