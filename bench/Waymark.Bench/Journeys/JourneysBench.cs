using System.Globalization;
using Waymark.Bench.Engine;

namespace Waymark.Bench.Journeys;

/// <summary>
/// Issue 4's goals: batch evaluation of every example map over the simulated store (events/s; goal:
/// 100 million events in under 10 s), and the incremental tracker's throughput (goal: 500,000
/// events/s) with its memory per tracked subject and per open instance. Each in its own process.
/// </summary>
internal static class JourneysBench
{
    public static int Run(string[] args)
    {
        var events = 10_000_000L;
        var trackerEvents = 2_000_000L;
        var folder = Path.Combine(Path.GetTempPath(), "waymark-bench");
        var maps = "journeys";
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--events": events = long.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--tracker-events": trackerEvents = long.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--dir": folder = args[i + 1]; break;
                case "--maps": maps = args[i + 1]; break;
                default: throw new ArgumentException($"unknown option {args[i]}");
            }
        }

        Directory.CreateDirectory(folder);

        // The children run with the server collector, as the waymark command does: evaluation allocates
        // its results, and two heaps collected in parallel pause it about half as long.
        Environment.SetEnvironmentVariable("DOTNET_gcServer", "1");
        var (store, _, _) = EngineData.Paths(folder, events);
        if (!File.Exists(store))
        {
            Measurement.InChild("child", "engine-simulate", events.ToString(CultureInfo.InvariantCulture), store);
        }

        maps = Path.GetFullPath(maps);
        var batch = Measurement.InChild("child", "journeys-batch", store, maps);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"batch: {batch.Items:N0} events, every example map in {batch.Seconds:F3} s ({batch.PerSecond:N0} events/s), peak {batch.PeakMiB} MiB; {batch.Answer}"));
        var tracker = Measurement.InChild("child", "journeys-tracker", trackerEvents.ToString(CultureInfo.InvariantCulture), maps);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"tracker: {tracker.Items:N0} events in {tracker.Seconds:F3} s ({tracker.PerSecond:N0} events/s), peak {tracker.PeakMiB} MiB; {tracker.Answer}"));
        return 0;
    }
}
