using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Waymark.Bench;

/// <summary>
/// One timed run in its own process, so that its peak memory (VmHWM, the resident high-water
/// mark the kernel keeps) is its own and not the sum of what ran before it. <c>CpuSeconds</c> is
/// the processor time of the whole child (every thread, user and system): on a shared machine wall
/// time varies with the other load, this much less.
/// </summary>
internal sealed record Measurement(string Name, long Items, double Seconds, long PeakBytes, string? Answer = null, double CpuSeconds = 0)
{
    public double PerSecond => Items / Math.Max(Seconds, 1e-9);

    public string PeakMiB => (PeakBytes / 1048576.0).ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>Runs this bench program again with <paramref name="args"/> and reads the measurement it prints last.</summary>
    public static Measurement InChild(params string[] args)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(Measurement).Assembly.Location);
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"bench child {string.Join(' ', args)} failed with {process.ExitCode}: {output}");
        }

        var last = output.TrimEnd().Split('\n')[^1];
        return JsonSerializer.Deserialize(last, BenchJsonContext.Default.Measurement)!;
    }

    /// <summary>Prints a measurement as the child's last line.</summary>
    public static int Report(string name, long items, Stopwatch clock) => Report(name, items, clock.Elapsed.TotalSeconds);

    /// <summary>
    /// Prints a measurement (with the answer computed, to check that twins agree) as the child's
    /// last line; its processor time is the whole child's unless <paramref name="cpuSeconds"/> gives
    /// that of the measured part alone.
    /// </summary>
    public static int Report(string name, long items, double seconds, string? answer = null, double? cpuSeconds = null)
    {
        var cpu = cpuSeconds ?? Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
        var measured = new Measurement(name, items, seconds, PeakResidentBytes(), answer, cpu);
        Console.WriteLine(JsonSerializer.Serialize(measured, BenchJsonContext.Default.Measurement));
        return 0;
    }

    private static long PeakResidentBytes()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
            }
        }

        return Process.GetCurrentProcess().PeakWorkingSet64;
    }
}
