using System.Diagnostics;
using DuckDB.NET.Data;
using Waymark.Engine.Snapshot;
using Waymark.Storage.DuckDb;

namespace Waymark.Bench.Engine;

/// <summary>
/// The engine benchmark's measured runs, each in its own process: warm-up runs for at least
/// <see cref="WarmUp"/> (at least one run), so that tiered compilation has settled on its
/// optimised code, then the median of five timed runs (or of <c>$WAYMARK_BENCH_RUNS</c>, which the
/// parent sets from <c>--runs</c>).
/// </summary>
internal static class EngineChildren
{
    public const string RunsVariable = "WAYMARK_BENCH_RUNS";

    /// <summary>How long a case runs untimed before its timed runs; a fast kernel runs many times in it.</summary>
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Set <c>$WAYMARK_BENCH_CPU=1</c> to time the process's processor time (every thread's) instead
    /// of the wall clock: steadier than wall time on a machine others are loading, for comparing two
    /// versions of a kernel, never for the tables in docs/benchmarks.md.
    /// </summary>
    private static bool CpuClock => Environment.GetEnvironmentVariable("WAYMARK_BENCH_CPU") == "1";

    private static int Runs => int.TryParse(Environment.GetEnvironmentVariable(RunsVariable), out var runs) && runs > 0 ? runs : 5;

    public static int Kernel(string caseName, string store)
    {
        var benchCase = EngineCases.Find(caseName);
        using var db = DuckDbEventStore.Open(store);
        var log = db.LoadSnapshot(SubjectKind.Person);
        var (seconds, answer) = Median(() => benchCase.Engine(log));
        return Measurement.Report($"{caseName}: engine", log.EventCount, seconds, answer);
    }

    public static int DuckDb(string caseName, string twin)
    {
        var benchCase = EngineCases.Find(caseName);
        using var connection = new DuckDBConnection($"Data Source={twin};ACCESS_MODE=READ_ONLY");
        connection.Open();
        var events = Convert.ToInt64(Scalar(connection, "SELECT count(*) FROM events"), System.Globalization.CultureInfo.InvariantCulture);
        var (seconds, answer) = Median(() => benchCase.DuckDb(connection));
        return Measurement.Report($"{caseName}: DuckDB", events, seconds, answer);
    }

    private static object? Scalar(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    internal static (double Seconds, string Answer) Median(Func<string> run)
    {
        var warming = Stopwatch.StartNew();
        var answer = run();
        while (warming.Elapsed < WarmUp)
        {
            if (run() != answer)
            {
                throw new InvalidOperationException("the answer changed between runs");
            }
        }

        var times = new double[Runs];
        for (var i = 0; i < times.Length; i++)
        {
            var (clock, cpu) = (Stopwatch.StartNew(), Process.GetCurrentProcess().TotalProcessorTime);
            var again = run();
            times[i] = CpuClock ? (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds : clock.Elapsed.TotalSeconds;
            if (again != answer)
            {
                throw new InvalidOperationException("the answer changed between runs");
            }
        }

        Array.Sort(times);
        return (times[times.Length / 2], answer);
    }
}
