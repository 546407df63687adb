using System.Numerics;
using System.Runtime.CompilerServices;

namespace Waymark.Engine.Kernels.Statistics;

/// <summary>
/// A log-linear bucketing of non-negative millisecond deltas (as in HDR histograms): values 0 to
/// 127 each have their own bucket; above, every power of two is cut into 64 equal buckets, so a
/// bucket spans at most 1/64 of its values. Counting deltas per bucket tells which bucket holds a
/// given rank; only that bucket's deltas then need to be looked at to find the rank exactly.
/// </summary>
internal static class DeltaBuckets
{
    /// <summary>How many buckets cover every non-negative long.</summary>
    public const int Count = (63 - Bits + 1) * Half;

    // Sub-buckets per power of two, as a power of two; values below 2 * Half are exact.
    private const int Bits = 6;
    private const int Half = 1 << Bits;

    // With k = log2(max(delta, Half)), the top Bits + 1 bits of delta (delta >> (k - Bits), Half
    // to 2 Half - 1, or the value itself below Half) plus Half per power of two above Half:
    // values below 2 Half land on themselves, and no branch depends on the data.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Of(long delta)
    {
        System.Diagnostics.Debug.Assert(delta >= 0);
        var shift = BitOperations.Log2((ulong)delta | Half) - Bits;
        return (shift << Bits) + (int)(delta >> shift);
    }

    /// <inheritdoc cref="Of(long)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Of(uint delta)
    {
        var shift = BitOperations.Log2(delta | Half) - Bits;
        return (shift << Bits) + (int)(delta >> shift);
    }

    /// <summary>The smallest delta of a bucket.</summary>
    public static long Low(int bucket) =>
        IsExact(bucket) ? bucket : (long)((bucket & (Half - 1)) + Half) << ((bucket >> Bits) - 1);

    /// <summary>True when a bucket holds a single value, which its count then fully describes.</summary>
    public static bool IsExact(int bucket) => bucket < 2 * Half;
}
