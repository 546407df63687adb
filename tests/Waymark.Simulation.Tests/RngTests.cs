using Waymark.Simulation.Engine;

namespace Waymark.Simulation.Tests;

public sealed class RngTests
{
    [Theory]
    [InlineData(1e-300)]
    [InlineData(1e-9)]
    [InlineData(0.3)]
    [InlineData(0.70710678)]
    [InlineData(1.0)]
    [InlineData(1.41421357)]
    [InlineData(2.5)]
    [InlineData(12345.678)]
    [InlineData(1e200)]
    public void DetLog_AgreesWithMathLog(double x)
    {
        var expected = Math.Log(x);

        Assert.Equal(expected, DetMath.Log(x), Math.Max(Math.Abs(expected), 1) * 1e-14);
    }

    [Fact]
    public void SameSeedAndStream_SameSequence_OtherStreamDiffers()
    {
        var a = new Rng(7, 3);
        var b = new Rng(7, 3);
        var c = new Rng(7, 4);
        var same = 0;
        for (var i = 0; i < 1000; i++)
        {
            var x = a.NextULong();
            Assert.Equal(x, b.NextULong());
            same += x == c.NextULong() ? 1 : 0;
        }

        Assert.Equal(0, same);
    }

    [Fact]
    public void Next_UniformOverRange()
    {
        var rng = new Rng(1, 1);
        var counts = new int[10];
        for (var i = 0; i < 100_000; i++)
        {
            counts[rng.Next(10)]++;
        }

        Assert.All(counts, c => Assert.InRange(c, 9_500, 10_500));
    }

    [Fact]
    public void Exponential_MeanAsAsked()
    {
        var rng = new Rng(2, 9);
        var sum = 0.0;
        for (var i = 0; i < 100_000; i++)
        {
            sum += rng.Exponential(3.0);
        }

        Assert.InRange(sum / 100_000, 2.95, 3.05);
    }
}
