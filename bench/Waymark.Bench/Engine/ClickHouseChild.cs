using Waymark.Twins.ChDb;
using Waymark.Twins.ClickHouse;

namespace Waymark.Bench.Engine;

/// <summary>
/// The ClickHouse twins' runs, in ClickHouse's own engine in-process (libchdb): the Parquet copy
/// of the twin table is loaded once into a MergeTree sorted by (subject, ms, row), kept in a folder
/// beside the Parquet file for later runs — not timed — then the case's query runs once to warm up
/// and five times timed (median, wall clock from here).
/// </summary>
internal static class ClickHouseChild
{
    /// <summary>True when libchdb is installed (<c>bash scripts/install-chdb.sh</c>).</summary>
    public static bool Available
    {
        get
        {
            try
            {
                using var session = ChDbSession.Open();
                return true;
            }
            catch (ChDbLibraryNotFoundException e)
            {
                Console.Error.WriteLine($"ClickHouse twins skipped: {e.Message.Split(':')[0]}; install with 'bash scripts/install-chdb.sh'");
                return false;
            }
        }
    }

    public static int Run(string caseName, string parquet)
    {
        var benchCase = EngineCases.Find(caseName);
        using var session = ChDbSession.Open(parquet + ".clickhouse");
        var loaded = parquet + ".clickhouse/loaded";
        if (!File.Exists(loaded) || File.GetLastWriteTimeUtc(loaded) < File.GetLastWriteTimeUtc(parquet))
        {
            ClickHouseEvents.Load(session, parquet);
            File.WriteAllText(loaded, DateTime.UtcNow.ToString("O"));
        }

        var events = session.Scalar("SELECT count() FROM events");
        var (seconds, answer) = EngineChildren.Median(() => benchCase.ClickHouse!(session));
        return Measurement.Report($"{caseName}: ClickHouse", events, seconds, answer);
    }
}
