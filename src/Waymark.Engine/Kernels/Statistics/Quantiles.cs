using System.Diagnostics;

namespace Waymark.Engine.Kernels.Statistics;

/// <summary>
/// Exact quantiles without sorting: the continuous quantile of DuckDB's <c>quantile_cont</c>,
/// PostgreSQL's <c>percentile_cont</c> and numpy's default (linear interpolation between the two
/// closest ranks: at rank <c>h = (n - 1) q</c>, <c>x[floor h] + (x[ceil h] - x[floor h]) (h - floor h)</c>
/// over the ascending values), found by selection in place, O(n) on average.
/// </summary>
internal static class Quantiles
{
    /// <summary>The two ranks (0-based, ascending order) and the weight of the upper one for quantile <paramref name="q"/> of <paramref name="count"/> values.</summary>
    public static (long Low, long High, double Fraction) Ranks(long count, double q)
    {
        Debug.Assert(count > 0 && q is >= 0 and <= 1);
        var h = (count - 1) * q;
        var low = (long)Math.Floor(h);
        var high = (long)Math.Ceiling(h);
        return (low, Math.Min(high, count - 1), h - low);
    }

    /// <summary>The interpolated value between the values at the two ranks.</summary>
    public static double Interpolate(long low, long high, double fraction) =>
        fraction == 0 ? low : low + ((high - low) * fraction);

    /// <summary>
    /// Writes quantile <c>qs[i]</c> of <paramref name="values"/> to <c>results[i]</c>; the
    /// <paramref name="qs"/> must ascend. Reorders <paramref name="values"/>.
    /// </summary>
    public static void Of(Span<long> values, ReadOnlySpan<double> qs, Span<double> results)
    {
        Debug.Assert(values.Length > 0 && qs.Length == results.Length);
        var settled = 0;
        for (var i = 0; i < qs.Length; i++)
        {
            var (low, high, fraction) = Ranks(values.Length, qs[i]);
            var lowValue = At(values, (int)low, ref settled);
            var highValue = high == low ? lowValue : At(values, (int)high, ref settled);
            results[i] = Interpolate(lowValue, highValue, fraction);
        }
    }

    // Ranks are asked in ascending order; a rank below 'settled' is the last one selected, which
    // selection left at its sorted position.
    public static long At(Span<long> values, int rank, ref int settled)
    {
        if (rank >= settled)
        {
            Select(values[settled..], rank - settled);
            settled = rank + 1;
        }

        return values[rank];
    }

    /// <summary>
    /// Moves the value of rank <paramref name="k"/> (0-based, ascending) to index k, with no
    /// greater value before it and no smaller one after it (Hoare's selection, median of three).
    /// </summary>
    public static void Select(Span<long> a, int k)
    {
        Debug.Assert((uint)k < (uint)a.Length);
        int lo = 0, hi = a.Length - 1;
        while (hi - lo >= 16)
        {
            var mid = lo + ((hi - lo) >> 1);
            SortPair(a, lo, mid);
            SortPair(a, lo, hi);
            SortPair(a, mid, hi);
            var pivot = a[mid];
            int i = lo, j = hi;
            while (i <= j)
            {
                while (a[i] < pivot)
                {
                    i++;
                }

                while (a[j] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (a[i], a[j]) = (a[j], a[i]);
                    i++;
                    j--;
                }
            }

            if (k <= j)
            {
                hi = j;
            }
            else if (k >= i)
            {
                lo = i;
            }
            else
            {
                return;
            }
        }

        a[lo..(hi + 1)].Sort();
    }

    private static void SortPair(Span<long> a, int i, int j)
    {
        if (a[j] < a[i])
        {
            (a[i], a[j]) = (a[j], a[i]);
        }
    }
}
