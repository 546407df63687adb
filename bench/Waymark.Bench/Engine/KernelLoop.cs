using System.Diagnostics;
using System.Globalization;
using System.IO.Hashing;
using System.Text;
using Waymark.Engine.Snapshot;
using Waymark.Storage.DuckDb;

namespace Waymark.Bench.Engine;

/// <summary>
/// For iterating on kernels, not for the tables in docs/benchmarks.md: loads the snapshot once,
/// then times each named case in rounds (one run of every case per round, so that a burst of other
/// load touches them alike), after a warm-up of <see cref="WarmUp"/> per case. Prints per case the
/// minimum and median wall time, events/s at each, the minimum and median processor time of
/// the process (every thread; steadier than wall time when others load the machine), bytes allocated per run and a hash of the
/// answer (to see at a glance that two builds agree); <c>$WAYMARK_BENCH_ANSWERS=1</c> prints the answers too.
/// <c>child engine-loop funnel-4,variants STORE [ROUNDS]</c>.
/// </summary>
internal static class KernelLoop
{
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(1);

    public static int Run(string caseNames, string store, int rounds)
    {
        var cases = caseNames.Split(',').Select(EngineCases.Find).ToArray();
        using var db = DuckDbEventStore.Open(store);
        var log = db.LoadSnapshot(SubjectKind.Person);
        var answers = new string[cases.Length];
        for (var c = 0; c < cases.Length; c++)
        {
            answers[c] = Warm(cases[c], log);
        }

        var times = new double[cases.Length][];
        var cpu = new double[cases.Length][];
        var allocated = new long[cases.Length];
        for (var c = 0; c < cases.Length; c++)
        {
            (times[c], cpu[c]) = (new double[rounds], new double[rounds]);
        }

        for (var r = 0; r < rounds; r++)
        {
            for (var c = 0; c < cases.Length; c++)
            {
                var bytes = GC.GetTotalAllocatedBytes(precise: true);
                var (clock, processor) = (Stopwatch.StartNew(), Process.GetCurrentProcess().TotalProcessorTime);
                var answer = cases[c].Engine(log);
                times[c][r] = clock.Elapsed.TotalSeconds;
                cpu[c][r] = (Process.GetCurrentProcess().TotalProcessorTime - processor).TotalSeconds;
                allocated[c] += GC.GetTotalAllocatedBytes(precise: true) - bytes;
                if (answer != answers[c])
                {
                    throw new InvalidOperationException($"{cases[c].Name}: the answer changed between runs");
                }
            }
        }

        for (var c = 0; c < cases.Length; c++)
        {
            Array.Sort(times[c]);
            Array.Sort(cpu[c]);
            var (min, median) = (times[c][0], times[c][rounds / 2]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{cases[c].Name,-12} min {min:F4} s ({log.EventCount / min / 1e6,6:F0} M/s)  median {median:F4} s ({log.EventCount / median / 1e6,6:F0} M/s)  cpu min {cpu[c][0]:F4} median {cpu[c][rounds / 2]:F4} s  {allocated[c] / rounds / 1024.0,8:F0} KiB/run  answer {XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(answers[c])):x16}"));
            if (Environment.GetEnvironmentVariable("WAYMARK_BENCH_ANSWERS") == "1")
            {
                Console.WriteLine(answers[c]);
            }
        }

        return 0;
    }

    private static string Warm(EngineCase benchCase, EventLog log)
    {
        var clock = Stopwatch.StartNew();
        var answer = benchCase.Engine(log);
        while (clock.Elapsed < WarmUp)
        {
            benchCase.Engine(log);
        }

        return answer;
    }
}
