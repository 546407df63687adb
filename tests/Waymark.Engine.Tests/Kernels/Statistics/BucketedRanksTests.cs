using Waymark.Engine.Kernels.Statistics;

namespace Waymark.Engine.Tests.Kernels.Statistics;

public sealed class BucketedRanksTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 1_000)]
    [InlineData(3, 100_000)]
    [InlineData(4, 10_000_000_000)]
    public void ValuesInSeveralRegions_GiveTheRanksOfTheSortedValues(int seed, long spread)
    {
        var random = new Random(seed);
        var values = new long[5_000];
        for (var i = 0; i < values.Length; i++)
        {
            // Many repeats and a long tail, as time gaps have.
            values[i] = random.Next(4) == 0 ? random.NextInt64(50) : random.NextInt64(spread);
        }

        (int Start, int Length)[] regions = [(0, 1_000), (1_500, 2_000), (4_000, 1_000)];
        var histogram = new long[DeltaBuckets.Count];
        var counted = new List<long>();
        foreach (var (start, length) in regions)
        {
            foreach (var value in values.AsSpan(start, length))
            {
                histogram[DeltaBuckets.Of(value)]++;
                counted.Add(value);
            }
        }

        counted.Sort();
        long[] ranks = [0, 1, 1_999, 2_000, 3_599, 3_999];
        var found = new long[ranks.Length];
        BucketedRanks.Find(values, regions, histogram, ranks, found);
        Assert.Equal(ranks.Select(r => counted[(int)r]), found);
    }
}
