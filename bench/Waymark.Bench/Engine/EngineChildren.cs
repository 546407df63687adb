using System.Diagnostics;
using DuckDB.NET.Data;
using Waymark.Engine.Snapshot;
using Waymark.Storage.DuckDb;

namespace Waymark.Bench.Engine;

/// <summary>
/// The engine benchmark's measured runs, each in its own process: one warm-up, then the median of
/// five timed runs (or of <c>$WAYMARK_BENCH_RUNS</c>, which the parent sets from <c>--runs</c>).
/// </summary>
internal static class EngineChildren
{
    public const string RunsVariable = "WAYMARK_BENCH_RUNS";

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
        var answer = run();
        var times = new double[Runs];
        for (var i = 0; i < times.Length; i++)
        {
            var clock = Stopwatch.StartNew();
            var again = run();
            times[i] = clock.Elapsed.TotalSeconds;
            if (again != answer)
            {
                throw new InvalidOperationException("the answer changed between runs");
            }
        }

        Array.Sort(times);
        return (times[times.Length / 2], answer);
    }
}
