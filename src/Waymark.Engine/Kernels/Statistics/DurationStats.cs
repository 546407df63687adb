namespace Waymark.Engine.Kernels.Statistics;

/// <summary>
/// One bin of a duration histogram: durations from <see cref="From"/> (included) to
/// <see cref="To"/> (excluded), in milliseconds, and how many fell in it.
/// </summary>
/// <param name="From">The smallest duration of the bin, included.</param>
/// <param name="To">The first duration past the bin, excluded.</param>
/// <param name="Count">How many durations fell in the bin.</param>
public readonly record struct DurationBin(long From, long To, long Count);

/// <summary>
/// Exact statistics of a set of durations in milliseconds. Quantiles are continuous (DuckDB's
/// <c>quantile_cont</c>, numpy's default): at rank <c>h = (n - 1) q</c> of the ascending values,
/// interpolated linearly between the two closest ranks. The histogram has equal-width bins from
/// <see cref="Min"/>: width <c>max(1, ceil((Max - Min + 1) / bins))</c>, bin <c>i</c> holding
/// <c>[Min + i·width, Min + (i+1)·width)</c>, as many bins as needed to reach <see cref="Max"/>
/// (at most the bins asked for).
/// </summary>
/// <param name="Count">How many durations.</param>
/// <param name="Mean">Their arithmetic mean.</param>
/// <param name="Median">The 0.5 quantile.</param>
/// <param name="P75">The 0.75 quantile.</param>
/// <param name="P90">The 0.9 quantile.</param>
/// <param name="Min">The shortest.</param>
/// <param name="Max">The longest.</param>
/// <param name="Histogram">Equal-width bins from <see cref="Min"/> to <see cref="Max"/>.</param>
public sealed record DurationStats(
    long Count, double Mean, double Median, double P75, double P90, long Min, long Max, IReadOnlyList<DurationBin> Histogram)
{
    /// <summary>The bins a histogram gets unless a query asks otherwise.</summary>
    public const int DefaultBins = 20;

    /// <summary>The statistics of <paramref name="values"/> (reordered in place), or null when there are none.</summary>
    internal static DurationStats? Of(Span<long> values, int bins)
    {
        if (values.Length == 0)
        {
            return null;
        }

        long min = long.MaxValue, max = long.MinValue;
        Int128 sum = 0;
        foreach (var v in values)
        {
            min = Math.Min(min, v);
            max = Math.Max(max, v);
            sum += v;
        }

        var histogram = Bins(values, min, max, bins);
        Span<double> q = stackalloc double[3];
        Quantiles.Of(values, [0.5, 0.75, 0.9], q);
        return new DurationStats(values.Length, (double)sum / values.Length, q[0], q[1], q[2], min, max, histogram);
    }

    // Durations are differences of ascending times, so never negative: ulong arithmetic cannot overflow.
    private static DurationBin[] Bins(ReadOnlySpan<long> values, long min, long max, int bins)
    {
        System.Diagnostics.Debug.Assert(min >= 0 && bins > 0);
        var span = (ulong)(max - min) + 1;
        var width = Math.Max(1, (span + (ulong)bins - 1) / (ulong)bins);
        var used = (int)((span + width - 1) / width);
        var counts = new long[used];
        foreach (var v in values)
        {
            counts[(int)((ulong)(v - min) / width)]++;
        }

        var result = new DurationBin[used];
        for (var i = 0; i < used; i++)
        {
            var from = min + (long)((ulong)i * width);
            result[i] = new DurationBin(from, from + (long)width, counts[i]);
        }

        return result;
    }
}
