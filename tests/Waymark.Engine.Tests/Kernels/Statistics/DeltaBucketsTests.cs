using Waymark.Engine.Kernels.Statistics;

namespace Waymark.Engine.Tests.Kernels.Statistics;

public sealed class DeltaBucketsTests
{
    [Fact]
    public void EveryBucket_StartsAtItsLowAndEndsBeforeTheNext()
    {
        for (var b = 0; b < DeltaBuckets.Count; b++)
        {
            var low = DeltaBuckets.Low(b);
            Assert.Equal(b, DeltaBuckets.Of(low));
            if (b > 0)
            {
                Assert.Equal(b - 1, DeltaBuckets.Of(low - 1));
            }
        }

        Assert.Equal(DeltaBuckets.Count - 1, DeltaBuckets.Of(long.MaxValue));
    }

    [Theory]
    [InlineData(0u)]
    [InlineData(127u)]
    [InlineData(128u)]
    [InlineData(1_000_003u)]
    [InlineData(uint.MaxValue - 1)]
    [InlineData(uint.MaxValue)]
    public void ThirtyTwoBitDelta_SameBucketAsSixtyFourBit(uint delta) =>
        Assert.Equal(DeltaBuckets.Of((long)delta), DeltaBuckets.Of(delta));

    [Fact]
    public void SmallDeltas_AreExact()
    {
        Assert.True(DeltaBuckets.IsExact(DeltaBuckets.Of(127L)));
        Assert.False(DeltaBuckets.IsExact(DeltaBuckets.Of(128L)));
    }
}
