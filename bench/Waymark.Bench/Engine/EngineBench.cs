using System.Globalization;

namespace Waymark.Bench.Engine;

/// <summary>
/// Issue 3's goals: each kernel beside its DuckDB SQL twin (and ClickHouse twin) on the same
/// simulated events in the same run — seconds (median of five warm runs), events/s, the ratio,
/// peak memory of each process, and whether the answers agree. Also the snapshot's build time from
/// the store and its load time from the snapshot file that build wrote beside the store.
/// </summary>
internal static class EngineBench
{
    public static int Run(string[] args)
    {
        var events = 10_000_000L;
        var folder = Path.Combine(Path.GetTempPath(), "waymark-bench");
        var cases = EngineCases.Cases.Select(c => c.Name).ToList();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--events": events = long.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--dir": folder = args[i + 1]; break;
                case "--cases": cases = [.. args[i + 1].Split(',')]; break;
                case "--runs": Environment.SetEnvironmentVariable(EngineChildren.RunsVariable, args[i + 1]); break;
                default: throw new ArgumentException($"unknown option {args[i]}");
            }
        }

        Directory.CreateDirectory(folder);
        var (store, twin, parquet) = EngineData.Paths(folder, events);
        if (!File.Exists(store))
        {
            Measurement.InChild("child", "engine-simulate", events.ToString(CultureInfo.InvariantCulture), store);
        }

        if (!File.Exists(twin) || !File.Exists(parquet) || File.GetLastWriteTimeUtc(twin) < File.GetLastWriteTimeUtc(store))
        {
            Measurement.InChild("child", "engine-twin", store, twin, parquet);
        }

        var snapshot = Measurement.InChild("child", "snapshot", store, "person", "--save");
        Console.WriteLine($"snapshot by person from the store: {snapshot.Items:N0} events in {snapshot.Seconds:F2} s ({snapshot.PerSecond:N0} events/s), peak {snapshot.PeakMiB} MiB");
        var fromFile = Measurement.InChild("child", "snapshot-file", store, "person");
        Console.WriteLine($"snapshot by person from its file and the store's newer rows: {fromFile.Items:N0} events in {fromFile.Seconds:F2} s ({fromFile.PerSecond:N0} events/s), peak {fromFile.PeakMiB} MiB");
        Console.WriteLine();
        Console.WriteLine("| case | engine s | DuckDB s | engine/DuckDB | ClickHouse s | engine/ClickHouse | engine events/s | peak MiB (engine, DuckDB, ClickHouse) | answers |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---|---|");
        foreach (var name in cases)
        {
            var engine = Measurement.InChild("child", "engine-kernel", name, store);
            var duck = Measurement.InChild("child", "engine-duckdb", name, twin);
            Measurement? house = null;
            if (EngineCases.Find(name).ClickHouse is not null && ClickHouseChild.Available)
            {
                house = Measurement.InChild("child", "engine-clickhouse", name, parquet);
            }

            var agree = engine.Answer == duck.Answer && (house is null || house.Answer == engine.Answer) ? "agree" : "DIFFER";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {engine.Seconds:F4} | {duck.Seconds:F4} | {duck.Seconds / engine.Seconds:F1}x | {(house is null ? "–" : house.Seconds.ToString("F4", CultureInfo.InvariantCulture))} | {(house is null ? "–" : (house.Seconds / engine.Seconds).ToString("F1", CultureInfo.InvariantCulture) + "x")} | {engine.PerSecond:N0} | {engine.PeakMiB}, {duck.PeakMiB}, {house?.PeakMiB ?? "–"} | {agree} |"));
            if (agree != "agree")
            {
                Console.Error.WriteLine($"{name}: engine {Short(engine.Answer)} | DuckDB {Short(duck.Answer)} | ClickHouse {Short(house?.Answer)}");
            }
        }

        return 0;
    }

    private static string Short(string? answer) => answer is null ? "–" : answer.Length > 300 ? answer[..300] + "…" : answer;
}
