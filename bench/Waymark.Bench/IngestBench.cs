using System.Globalization;

namespace Waymark.Bench;

/// <summary>
/// Issue 2's goals: the simulator's speed, and importing JSON Lines and CSV into the store
/// (events/s, peak memory), beside DuckDB's own bulk load of the same files in the same run, and
/// beside DuckDB storing the imported rows again from memory: the part of the import's cost that
/// is DuckDB's own.
/// </summary>
internal static class IngestBench
{
    public static int Run(string[] args)
    {
        var events = 10_000_000L;
        var folder = Path.Combine(Path.GetTempPath(), "waymark-bench");
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--events": events = long.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--dir": folder = args[i + 1]; break;
                default: throw new ArgumentException($"unknown option {args[i]}");
            }
        }

        Directory.CreateDirectory(folder);
        var n = events.ToString(CultureInfo.InvariantCulture);
        var results = new List<Measurement> { Measurement.InChild("child", "simulate-null", n) };
        foreach (var extension in new[] { ".jsonl", ".csv" })
        {
            var file = Path.Combine(folder, $"events-{n}{extension}");
            results.Add(Measurement.InChild("child", "simulate-file", n, file));
            var store = Fresh(folder, "waymark");
            results.Add(Measurement.InChild("child", "import", file, store));
            results.Add(Measurement.InChild("child", "store-floor", store));
            results.Add(Measurement.InChild("child", "duckdb-load", file, Fresh(folder, "duckdb")));
        }

        Console.WriteLine($"| run | items | seconds | items/s | peak MiB | CPU s |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var m in results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {m.Name} | {m.Items:N0} | {m.Seconds:F2} | {m.PerSecond:N0} | {m.PeakMiB} | {m.CpuSeconds:F1} |"));
        }

        return 0;
    }

    private static string Fresh(string folder, string name)
    {
        var path = Path.Combine(folder, name + ".db");
        File.Delete(path);
        File.Delete(path + ".wal");
        return path;
    }
}
