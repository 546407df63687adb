using System.Buffers;
using Waymark.Engine.Kernels.Statistics;

namespace Waymark.Engine.Kernels.Paths;

/// <summary>
/// Exact mean, median, p90, min and max of one pair's deltas, which lie in one slice per
/// partition (see <see cref="PairDeltas"/>). A small pair's deltas are copied out and the ranks
/// selected among them. For a large pair, a first pass over the slices sums them and counts
/// them per <see cref="DeltaBuckets"/> bucket (15 KB, in L1); the four ranks needed (low and high
/// rank of each quantile) then fall in known buckets; a bucket of one value gives its rank at
/// once; a second pass copies out only the deltas of the other target buckets, among which the
/// ranks are selected (no sort).
/// </summary>
internal static class EdgeTimeFinder
{
    private const int Requests = 4;

    // Up to this many deltas, copying them all out and selecting among them costs less than
    // clearing and walking the 3,712 buckets' histogram: most pairs are small.
    private const int DirectLimit = 2048;
    private static readonly double[] Levels = [0.5, 0.9];

    public static EdgeTimes Find(ReadOnlySpan<PairSlice> slices, long count)
    {
        if (count <= DirectLimit)
        {
            return Direct(slices, (int)count);
        }

        Span<int> histogram = stackalloc int[DeltaBuckets.Count];
        histogram.Clear();
        var (sum, min, max) = Tally(slices, histogram);

        Span<(long Rank, int K)> requests = stackalloc (long, int)[Requests];
        InRankOrder(count, requests);
        Span<long> values = stackalloc long[Requests];
        Span<int> bucketOf = stackalloc int[Requests];
        Span<long> rankIn = stackalloc long[Requests];
        long below = 0;
        var bucket = 0;
        var gather = false;
        foreach (var (rank, k) in requests)
        {
            while (below + histogram[bucket] <= rank)
            {
                below += histogram[bucket++];
            }

            values[k] = DeltaBuckets.Low(bucket);
            bucketOf[k] = bucket;
            rankIn[k] = rank - below;
            gather |= !DeltaBuckets.IsExact(bucket);
        }

        if (gather)
        {
            Select(slices, histogram, requests, bucketOf, rankIn, values);
        }

        var median = Quantiles.Interpolate(values[0], values[1], Quantiles.Ranks(count, Levels[0]).Fraction);
        var p90 = Quantiles.Interpolate(values[2], values[3], Quantiles.Ranks(count, Levels[1]).Fraction);
        return new EdgeTimes((double)sum / count, median, p90, min, max);
    }

    // A small pair: every delta copied out (wide ones by their exact value), the ranks selected.
    private static EdgeTimes Direct(ReadOnlySpan<PairSlice> slices, int count)
    {
        var buffer = ArrayPool<long>.Shared.Rent(count);
        var values = buffer.AsSpan(0, count);
        var at = 0;
        long sum = 0, min = long.MaxValue, max = long.MinValue;
        foreach (var slice in slices)
        {
            foreach (var d in slice.Deltas)
            {
                // uint.MaxValue stands for a wide delta, taken from the wide list below.
                if (d != uint.MaxValue)
                {
                    values[at++] = d;
                }
            }

            foreach (var d in slice.Wide)
            {
                values[at++] = d;
            }
        }

        foreach (var v in values)
        {
            sum += v;
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }

        Span<double> quantiles = stackalloc double[Levels.Length];
        Quantiles.Of(values, Levels, quantiles);
        ArrayPool<long>.Shared.Return(buffer);
        return new EdgeTimes((double)sum / count, quantiles[0], quantiles[1], min, max);
    }

    // Sum, min and max, and the bucket counts; wide deltas (see PairDeltas) are moved from the
    // bucket of uint.MaxValue to their own.
    private static (long Sum, long Min, long Max) Tally(ReadOnlySpan<PairSlice> slices, Span<int> histogram)
    {
        long sum = 0;
        uint min = uint.MaxValue, max = 0;
        long wideMin = long.MaxValue, wideMax = -1;
        var sentinel = DeltaBuckets.Of(uint.MaxValue);
        foreach (var slice in slices)
        {
            foreach (var d in slice.Deltas)
            {
                histogram[DeltaBuckets.Of(d)]++;
                sum += d;
                min = Math.Min(min, d);
                max = Math.Max(max, d);
            }

            foreach (var d in slice.Wide)
            {
                histogram[sentinel]--;
                histogram[DeltaBuckets.Of(d)]++;
                sum += d - uint.MaxValue;
                wideMin = Math.Min(wideMin, d);
                wideMax = Math.Max(wideMax, d);
            }
        }

        // Narrow deltas are below uint.MaxValue: a minimum of uint.MaxValue means all were wide.
        return (sum, min == uint.MaxValue ? wideMin : min, wideMax >= 0 ? wideMax : max);
    }

    private static void InRankOrder(long count, Span<(long Rank, int K)> requests)
    {
        for (var k = 0; k < Requests; k++)
        {
            var (low, high, _) = Quantiles.Ranks(count, Levels[k / 2]);
            requests[k] = (k % 2 == 0 ? low : high, k);
        }

        // With few values the ranks interleave (two values: the median's high rank is 1, p90's low rank 0).
        requests.Sort();
    }

    // Copies the deltas of the inexact target buckets into one pooled buffer, a segment per
    // bucket sized by its count, and selects each request's rank in its segment, in rank order.
    private static void Select(
        ReadOnlySpan<PairSlice> slices, ReadOnlySpan<int> histogram, ReadOnlySpan<(long Rank, int K)> requests,
        ReadOnlySpan<int> bucketOf, ReadOnlySpan<long> rankIn, Span<long> values)
    {
        Span<byte> target = stackalloc byte[DeltaBuckets.Count];
        target.Clear();
        Span<int> segment = stackalloc int[Requests + 1];
        var targets = 0;
        foreach (var (_, k) in requests)
        {
            var b = bucketOf[k];
            if (!DeltaBuckets.IsExact(b) && target[b] == 0)
            {
                target[b] = (byte)++targets;
                segment[targets] = segment[targets - 1] + histogram[b];
            }
        }

        var buffer = ArrayPool<long>.Shared.Rent(segment[targets]);
        Span<int> cursor = stackalloc int[Requests + 1];
        segment[..targets].CopyTo(cursor[1..]);
        Gather(slices, target, buffer, cursor);
        Span<int> settled = stackalloc int[Requests];
        settled.Clear();
        foreach (var (_, k) in requests)
        {
            var t = target[bucketOf[k]] - 1;
            if (t >= 0)
            {
                var part = buffer.AsSpan(segment[t], segment[t + 1] - segment[t]);
                values[k] = Quantiles.At(part, (int)rankIn[k], ref settled[t]);
            }
        }

        ArrayPool<long>.Shared.Return(buffer);
    }

    private static void Gather(ReadOnlySpan<PairSlice> slices, ReadOnlySpan<byte> target, long[] buffer, Span<int> cursor)
    {
        foreach (var slice in slices)
        {
            foreach (var d in slice.Deltas)
            {
                // Few deltas fall in a target bucket (1/64 of an octave), so the branch is
                // predictable; uint.MaxValue stands for a wide delta, taken from the wide list below.
                var t = target[DeltaBuckets.Of(d)];
                if (t != 0 && d != uint.MaxValue)
                {
                    buffer[cursor[t]++] = d;
                }
            }

            foreach (var d in slice.Wide)
            {
                var t = target[DeltaBuckets.Of(d)];
                if (t != 0)
                {
                    buffer[cursor[t]++] = d;
                }
            }
        }
    }
}

/// <summary>One partition's deltas of one pair: slot <paramref name="Slot"/> of <paramref name="Part"/>.</summary>
internal readonly record struct PairSlice(PairDeltas Part, int Slot)
{
    public ReadOnlySpan<uint> Deltas => Part.Of(Slot);

    public ReadOnlySpan<long> Wide => Part.WideOf(Slot);
}
