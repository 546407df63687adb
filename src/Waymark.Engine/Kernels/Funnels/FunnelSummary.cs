using Waymark.Engine.Snapshot;

namespace Waymark.Engine.Kernels.Funnels;

/// <summary>Merges the partitions' tallies into a <see cref="FunnelResult"/>: counts, conversions, percentiles, histograms.</summary>
internal static class FunnelSummary
{
    public static FunnelResult Build(EventLog log, FunnelQuery query, BreakdownValues values, FunnelTally[] tallies)
    {
        var n = query.Steps.Count;
        var reached = new long[values.Count * n];
        long excluded = 0;
        foreach (var tally in tallies)
        {
            for (var i = 0; i < reached.Length; i++)
            {
                reached[i] += tally.Reached[i];
            }

            excluded += tally.Excluded;
        }

        var times = new long[n][];
        var timeValues = new int[n][];
        for (var k = 1; k < n; k++)
        {
            times[k] = Concat(tallies, t => t.Times[k]);
            timeValues[k] = values.Count > 1 ? Concat(tallies, t => t.TimeValues[k]) : [];
        }

        var overall = new long[n];
        for (var v = 0; v < values.Count; v++)
        {
            for (var k = 0; k < n; k++)
            {
                overall[k] += reached[(v * n) + k];
            }
        }

        var dropOffs = query.IncludeDropOffs ? DropOffs(log, tallies, n) : null;
        // Breakdowns first: the overall statistics sort the time arrays in place, which would undo their pairing with values.
        var breakdowns = values.Values is null ? [] : Breakdowns(query, values, reached, times, timeValues, dropOffs);
        var steps = Steps(query, overall, k => times[k], dropOffs is null ? null : k => dropOffs[k].Select(d => d.Id));
        return new FunnelResult(steps, breakdowns, excluded);
    }

    private static FunnelBreakdownResult[] Breakdowns(
        FunnelQuery query, BreakdownValues values, long[] reached, long[][] times, int[][] timeValues, List<(string Id, int Value)>[]? dropOffs)
    {
        var n = query.Steps.Count;
        var results = new List<(long First, FunnelBreakdownResult Result)>();
        for (var v = 0; v < values.Count; v++)
        {
            var counts = reached.AsSpan(v * n, n).ToArray();
            if (counts[0] == 0)
            {
                continue;
            }

            var value = v;
            var steps = Steps(query, counts, k => Select(times[k], timeValues[k], value),
                dropOffs is null ? null : k => dropOffs[k].Where(d => d.Value == value).Select(d => d.Id));
            results.Add((counts[0], new FunnelBreakdownResult(v == 0 ? null : values.Values!.Text(v), steps)));
        }

        return [.. results.OrderByDescending(r => r.First).ThenBy(r => r.Result.Value is null).ThenBy(r => r.Result.Value, StringComparer.Ordinal).Select(r => r.Result)];
    }

    private static FunnelStepResult[] Steps(FunnelQuery query, long[] reached, Func<int, long[]> times, Func<int, IEnumerable<string>>? dropOffs)
    {
        var n = query.Steps.Count;
        var steps = new FunnelStepResult[n];
        var previous = 0;
        for (var k = 0; k < n; k++)
        {
            var fromPrevious = k == 0 ? 1.0 : Ratio(reached[k], reached[previous]);
            var time = k == 0 ? null : Times(times(k), query.HistogramBins);
            var dropped = k == 0 || dropOffs is null ? null : dropOffs(k).Order(StringComparer.Ordinal).ToArray();
            steps[k] = new FunnelStepResult(k, query.Steps[k].DisplayLabel, reached[k], fromPrevious, k == 0 ? Ratio(reached[0], reached[0]) : Ratio(reached[k], reached[0]), time, dropped);
            if (!query.Steps[k].Optional)
            {
                previous = k;
            }
        }

        return steps;
    }

    private static double? Ratio(long part, long whole) => whole == 0 ? null : (double)part / whole;

    /// <summary>Nearest-rank percentiles and an equal-width histogram from 0 (see <see cref="TimeToConvert"/>).</summary>
    internal static TimeToConvert? Times(long[] times, int bins)
    {
        if (times.Length == 0)
        {
            return null;
        }

        Array.Sort(times);
        var count = times.Length;
        var max = times[^1];
        var width = Math.Max(1, (max + bins) / bins);
        var histogram = new long[bins];
        foreach (var t in times)
        {
            histogram[Math.Min(bins - 1, (int)(t / width))]++;
        }

        var binList = new HistogramBin[bins];
        for (var b = 0; b < bins; b++)
        {
            binList[b] = new HistogramBin(b * width, (b + 1) * width, histogram[b]);
        }

        return new TimeToConvert(count, times[Rank(count, 50)], times[Rank(count, 90)], times[0], max, binList);
    }

    /// <summary>The index of the nearest-rank <paramref name="percent"/>-th percentile among <paramref name="count"/> sorted values.</summary>
    private static int Rank(int count, int percent) => (int)((((long)count * percent) + 99) / 100) - 1;

    private static long[] Select(long[] times, int[] values, int value)
    {
        var list = new List<long>();
        for (var i = 0; i < times.Length; i++)
        {
            if (values[i] == value)
            {
                list.Add(times[i]);
            }
        }

        return [.. list];
    }

    private static List<(string Id, int Value)>[] DropOffs(EventLog log, FunnelTally[] tallies, int n)
    {
        var lists = new List<(string, int)>[n];
        for (var k = 1; k < n; k++)
        {
            lists[k] = [];
            foreach (var tally in tallies)
            {
                var subjects = tally.DropOffs![k].Items;
                var values = tally.DropOffValues![k].Items;
                for (var i = 0; i < subjects.Length; i++)
                {
                    lists[k].Add((log.Subjects[subjects[i]] ?? string.Empty, values[i]));
                }
            }
        }

        return lists;
    }

    private static T[] Concat<T>(FunnelTally[] tallies, Func<FunnelTally, GrowBuffer<T>> pick)
        where T : unmanaged
    {
        var total = 0;
        foreach (var tally in tallies)
        {
            total += pick(tally).Count;
        }

        var all = new T[total];
        var at = 0;
        foreach (var tally in tallies)
        {
            var items = pick(tally).Items;
            items.CopyTo(all.AsSpan(at));
            at += items.Length;
        }

        return all;
    }
}
