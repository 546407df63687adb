using System.Numerics;

namespace Waymark.Engine.Kernels.Paths;

/// <summary>
/// A log-linear bucketing of non-negative millisecond deltas (as in HDR histograms): values 0 to
/// 15 each have their own bucket; above, every power of two is cut into 8 equal buckets, so a
/// bucket spans at most 1/8 of its values. Counting deltas per bucket tells which bucket holds a
/// given rank; only that bucket's deltas then need to be gathered to find the rank exactly.
/// </summary>
internal static class DeltaBuckets
{
    /// <summary>How many buckets cover every non-negative long.</summary>
    public const int Count = 16 + (59 * 8);

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static int Of(long delta)
    {
        System.Diagnostics.Debug.Assert(delta >= 0);
        if (delta < 16)
        {
            return (int)delta;
        }

        var k = 63 - BitOperations.LeadingZeroCount((ulong)delta);
        return 16 + ((k - 4) << 3) + (int)((delta >> (k - 3)) & 7);
    }

    /// <summary>The smallest delta of a bucket.</summary>
    public static long Low(int bucket)
    {
        if (bucket < 16)
        {
            return bucket;
        }

        var k = ((bucket - 16) >> 3) + 4;
        return (8L + ((bucket - 16) & 7)) << (k - 3);
    }

    /// <summary>True when a bucket holds a single value, which its count then fully describes.</summary>
    public static bool IsExact(int bucket) => bucket < 16;
}
