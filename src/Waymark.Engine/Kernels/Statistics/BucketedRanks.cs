using System.Buffers;
using System.Diagnostics;

namespace Waymark.Engine.Kernels.Statistics;

/// <summary>
/// The exact values at a few ranks of many non-negative values, without sorting them: the caller
/// counts the values per <see cref="DeltaBuckets"/> bucket while it writes them (a histogram of
/// <see cref="DeltaBuckets.Count"/> entries, small enough for L1); each rank then falls in a known
/// bucket, a bucket of one value gives it at once, and only the values of the other target buckets
/// (each at most 1/64 of an octave) are copied out, in one pass, and selected among.
/// </summary>
internal static class BucketedRanks
{
    /// <summary>The most ranks one call finds.</summary>
    public const int MaxRanks = 8;

    /// <summary>
    /// Writes to <c>results[k]</c> the value of rank <c>ranks[k]</c> (0-based, ascending order of
    /// value) among the values of <paramref name="regions"/> of <paramref name="values"/>, whose
    /// bucket counts are <paramref name="histogram"/>. <paramref name="ranks"/> must ascend.
    /// </summary>
    public static void Find(long[] values, ReadOnlySpan<(int Start, int Length)> regions, ReadOnlySpan<long> histogram, ReadOnlySpan<long> ranks, Span<long> results)
    {
        Debug.Assert(histogram.Length == DeltaBuckets.Count && ranks.Length <= MaxRanks && ranks.Length == results.Length);
        Span<int> bucketOf = stackalloc int[MaxRanks];
        Span<long> rankIn = stackalloc long[MaxRanks];
        Span<byte> target = stackalloc byte[DeltaBuckets.Count];
        Span<int> segment = stackalloc int[MaxRanks + 1];
        target.Clear();
        segment.Clear();
        var (targets, below, bucket) = (0, 0L, 0);
        for (var k = 0; k < ranks.Length; k++)
        {
            Debug.Assert(k == 0 || ranks[k] >= ranks[k - 1]);
            while (below + histogram[bucket] <= ranks[k])
            {
                below += histogram[bucket++];
            }

            (bucketOf[k], rankIn[k], results[k]) = (bucket, ranks[k] - below, DeltaBuckets.Low(bucket));
            if (!DeltaBuckets.IsExact(bucket) && target[bucket] == 0)
            {
                target[bucket] = (byte)++targets;
                segment[targets] = segment[targets - 1] + (int)histogram[bucket];
            }
        }

        if (targets == 0)
        {
            return;
        }

        var buffer = ArrayPool<long>.Shared.Rent(segment[targets]);
        Span<int> cursor = stackalloc int[MaxRanks + 1];
        segment[..targets].CopyTo(cursor[1..]);
        foreach (var (start, length) in regions)
        {
            foreach (var value in values.AsSpan(start, length))
            {
                // Few values fall in a target bucket: the branch is predictable.
                var t = target[DeltaBuckets.Of(value)];
                if (t != 0)
                {
                    buffer[cursor[t]++] = value;
                }
            }
        }

        Span<int> settled = stackalloc int[MaxRanks];
        settled.Clear();
        for (var k = 0; k < ranks.Length; k++)
        {
            var t = target[bucketOf[k]] - 1;
            if (t >= 0)
            {
                var part = buffer.AsSpan(segment[t], segment[t + 1] - segment[t]);
                results[k] = Quantiles.At(part, (int)rankIn[k], ref settled[t]);
            }
        }

        ArrayPool<long>.Shared.Return(buffer);
    }
}
