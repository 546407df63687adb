using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;
using Waymark.App;
using Waymark.App.Import;
using Waymark.Bench.Engine;
using Waymark.Core.Ingest;
using Waymark.Engine.Snapshot;
using Waymark.Formats.Csv;
using Waymark.Formats.Segment;
using Waymark.Simulation;
using Waymark.Storage.DuckDb;

namespace Waymark.Bench;

/// <summary>The measured runs, each started by the parent in a process of its own.</summary>
internal static class Children
{
    public static int Run(string[] args) => args switch
    {
        ["simulate-null", var events] => SimulateNull(Count(events)),
        ["simulate-file", var events, var path] => SimulateFile(Count(events), path),
        ["import", var path, var database] => Import(path, database),
        ["duckdb-load", var path, var database] => DuckDbLoad(path, database),
        ["store-floor", var database] => StoreFloor(database),
        ["engine-simulate", var events, var store] => Done(() => EngineData.Simulate(Count(events), store)),
        ["engine-twin", var store, var twin, var parquet] => Done(() => EngineData.PrepareTwin(store, twin, parquet)),
        ["engine-kernel", var name, var store] => EngineChildren.Kernel(name, store),
        ["engine-loop", var names, var store] => KernelLoop.Run(names, store, 15),
        ["engine-loop", var names, var store, var rounds] => KernelLoop.Run(names, store, (int)Count(rounds)),
        ["engine-duckdb", var name, var twin] => EngineChildren.DuckDb(name, twin),
        ["engine-clickhouse", var name, var parquet] => ClickHouseChild.Run(name, parquet),
        ["journeys-batch", var store, var maps] => Journeys.JourneysChildren.Batch(store, maps),
        ["journeys-tracker", var events, var maps] => Journeys.JourneysChildren.Tracker(Count(events), maps),
        ["snapshot", var database, var kind] => Snapshot(database, Enum.Parse<SubjectKind>(kind, ignoreCase: true), save: false),
        ["snapshot", var database, var kind, "--save"] => Snapshot(database, Enum.Parse<SubjectKind>(kind, ignoreCase: true), save: true),
        ["snapshot-file", var database, var kind] => SnapshotFromFile(database, Enum.Parse<SubjectKind>(kind, ignoreCase: true)),
        _ => throw new ArgumentException($"unknown child: {string.Join(' ', args)}"),
    };

    private static int Done(Action action)
    {
        var clock = Stopwatch.StartNew();
        action();
        return Measurement.Report("prepare", 0, clock);
    }

    private static long Count(string text) => long.Parse(text, CultureInfo.InvariantCulture);

    private static SimulationOptions Options(long events) => new() { Seed = 42, TargetEvents = events };

    private static int SimulateNull(long events)
    {
        var clock = Stopwatch.StartNew();
        var summary = new CompanySimulator(Options(events)).Run(new CountingSink());
        return Measurement.Report("simulate (no output)", summary.Events, clock);
    }

    private static int SimulateFile(long events, string path)
    {
        var clock = Stopwatch.StartNew();
        SimulationSummary summary;
        if (path.EndsWith(".csv", StringComparison.Ordinal))
        {
            using var writer = new CsvMessageWriter(path);
            summary = new CompanySimulator(Options(events)).Run(writer);
        }
        else
        {
            using var writer = new JsonLinesWriter(path);
            summary = new CompanySimulator(Options(events)).Run(writer);
        }

        return Measurement.Report($"simulate to {Path.GetExtension(path)}", summary.Events, clock);
    }

    private static int Import(string path, string database)
    {
        using var workspace = Workspace.Open(database);
        var clock = Stopwatch.StartNew();
        var report = workspace.Import([path], new ImportOptions());
        if (report.RejectedCount > 0 || report.AnyFileRefused)
        {
            throw new InvalidOperationException($"import rejected records: {(report.Files[0].Errors.Count > 0 ? report.Files[0].Errors[0] : null)}");
        }

        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"allocated {GC.GetTotalAllocatedBytes() / 1048576.0:N0} MiB; collections gen0 {GC.CollectionCount(0)}, gen1 {GC.CollectionCount(1)}, gen2 {GC.CollectionCount(2)}"));
        Console.Error.WriteLine($"busiest threads (processor s): {BusiestThreads()}");
        return Measurement.Report($"waymark import {Path.GetExtension(path)}", report.Total.Accepted, clock);
    }

    // The processor time of this process's busiest threads (user and system, from /proc), so
    // that the import's two threads can be told apart: the busier one sets its pace.
    private static string BusiestThreads()
    {
        var ticks = 100.0; // USER_HZ, 100 on Linux.
        var threads = new List<(string Name, double Seconds)>();
        foreach (var task in Directory.GetDirectories("/proc/self/task"))
        {
            var stat = File.ReadAllText(Path.Combine(task, "stat"));
            var close = stat.LastIndexOf(')');
            var fields = stat[(close + 2)..].Split(' ');
            var name = stat[(stat.IndexOf('(') + 1)..close];
            threads.Add((name, (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / ticks));
        }

        return string.Join(", ", threads.OrderByDescending(t => t.Seconds).Take(4).Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Name} {t.Seconds:F1}")));
    }

    /// <summary>
    /// Builds the engine's snapshot from a store file (DuckDB), timed; with <paramref name="save"/>,
    /// then writes the snapshot file beside the store (not timed, its time on standard error).
    /// </summary>
    private static int Snapshot(string database, SubjectKind kind, bool save)
    {
        using var store = DuckDbEventStore.Open(database);
        var clock = Stopwatch.StartNew();
        var log = store.LoadSnapshot(kind);
        clock.Stop();
        Console.Error.WriteLine($"{log.EventCount:N0} events, {log.SubjectCount:N0} subject codes, {log.Partitions.Count} partitions, {log.Bytes / (double)log.EventCount:F1} bytes/event");
        if (save)
        {
            var writing = Stopwatch.StartNew();
            store.UsesSnapshotFiles = true;
            store.SaveSnapshot(log);
            Console.Error.WriteLine($"snapshot file written in {writing.Elapsed.TotalSeconds:F2} s");
        }

        return Measurement.Report($"snapshot by {kind.ToString().ToLowerInvariant()}", log.EventCount, clock.Elapsed.TotalSeconds, Digest(log));
    }

    /// <summary>Loads the snapshot from the file beside the store and reads the rows stored since, as a new process of `waymark` does.</summary>
    private static int SnapshotFromFile(string database, SubjectKind kind)
    {
        using var store = DuckDbEventStore.Open(database);
        store.UsesSnapshotFiles = true;
        var clock = Stopwatch.StartNew();
        var log = store.LoadSnapshot(kind);
        clock.Stop();
        if (store.LastSnapshotFile(kind) != SnapshotFileStatus.Loaded)
        {
            throw new InvalidOperationException($"the snapshot file was not used: {store.LastSnapshotFile(kind)}");
        }

        var again = Stopwatch.StartNew();
        var same = ReferenceEquals(store.RefreshSnapshot(log), log);
        Console.Error.WriteLine($"{log.EventCount:N0} events, {log.SubjectCount:N0} subject codes, {log.Partitions.Count} partitions; a refresh with nothing new took {again.Elapsed.TotalMilliseconds:F0} ms{(same ? "" : " and changed the snapshot")}");
        return Measurement.Report($"snapshot by {kind.ToString().ToLowerInvariant()} from its file", log.EventCount, clock.Elapsed.TotalSeconds, Digest(log));
    }

    /// <summary>
    /// The XXH3 of every subject's events (code, times, names, rows) in code order, whatever the
    /// partitions: a snapshot read from its file and refreshed must give a fresh build's digest.
    /// </summary>
    private static string Digest(EventLog log)
    {
        var hash = new System.IO.Hashing.XxHash3();
        foreach (var partition in log.Partitions)
        {
            for (var s = 0; s < partition.SubjectCount; s++)
            {
                var (from, to) = (partition.Offsets[s], partition.Offsets[s + 1]);
                if (from == to)
                {
                    continue;
                }

                hash.Append(BitConverter.GetBytes(partition.FirstSubject + s));
                hash.Append(System.Runtime.InteropServices.MemoryMarshal.AsBytes(partition.Times[from..to]));
                hash.Append(System.Runtime.InteropServices.MemoryMarshal.AsBytes(partition.Names[from..to]));
                hash.Append(System.Runtime.InteropServices.MemoryMarshal.AsBytes(partition.Rows[from..to]));
            }
        }

        return $"{log.SourceRows}:{hash.GetCurrentHashAsUInt64():x16}";
    }

    /// <summary>DuckDB's own bulk load of the same file into a table of the same database kind: the anchor.</summary>
    private static int DuckDbLoad(string path, string database)
    {
        using var connection = new DuckDBConnection($"Data Source={database}");
        connection.Open();
        using var command = connection.CreateCommand();
        var source = path.EndsWith(".csv", StringComparison.Ordinal)
            ? $"read_csv('{path}', header = true)"
            : $"read_json('{path}', format = 'newline_delimited')";
        var clock = Stopwatch.StartNew();
        command.CommandText = $"CREATE TABLE events AS SELECT * FROM {source}";
        command.ExecuteNonQuery();
        command.CommandText = "SELECT count(*) FROM events";
        var rows = Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        return Measurement.Report($"DuckDB {source[..source.IndexOf('(', StringComparison.Ordinal)]}", rows, clock);
    }

    /// <summary>
    /// DuckDB storing the rows of an imported store's events table again, from memory into a
    /// table of a fresh file, on one thread as a bulk import runs it: what DuckDB alone costs for
    /// the rows the import writes, the floor under the import's appending thread.
    /// </summary>
    private static int StoreFloor(string database)
    {
        var target = database + ".floor.db";
        File.Delete(target);
        File.Delete(target + ".wal");
        using var connection = new DuckDBConnection($"Data Source={target}");
        connection.Open();
        void Execute(string sql)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }

        Execute($"ATTACH '{database}' AS source (READ_ONLY)");
        Execute("CREATE TEMP TABLE copied AS SELECT * FROM source.events");
        Execute("CREATE TABLE events AS SELECT * FROM copied LIMIT 0");
        Execute("SET threads = 1");
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        Execute("INSERT INTO events SELECT * FROM copied");
        Execute("CHECKPOINT");
        var seconds = clock.Elapsed.TotalSeconds;
        var used = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        using var count = connection.CreateCommand();
        count.CommandText = "SELECT count(*) FROM events";
        var rows = Convert.ToInt64(count.ExecuteScalar(), CultureInfo.InvariantCulture);
        Execute("DETACH source");
        File.Delete(target);
        return Measurement.Report("DuckDB storing the imported rows again (1 thread)", rows, seconds, cpuSeconds: used);
    }

    private sealed class CountingSink : IMessageSink
    {
        public void Write(MessageBatch batch)
        {
        }
    }
}
