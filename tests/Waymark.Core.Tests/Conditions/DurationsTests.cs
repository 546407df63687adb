using Waymark.Core.Conditions;
using Waymark.Core.Errors;

namespace Waymark.Core.Tests.Conditions;

public sealed class DurationsTests
{
    [Theory]
    [InlineData("7d", 7 * 86_400_000L)]
    [InlineData("36h", 36 * 3_600_000L)]
    [InlineData("15m", 15 * 60_000L)]
    [InlineData("90s", 90_000L)]
    [InlineData("250ms", 250L)]
    [InlineData("2w", 14 * 86_400_000L)]
    [InlineData("1d12h", 36 * 3_600_000L)]
    [InlineData("0s", 0L)]
    public void Parse_ReadsUnits(string text, long milliseconds)
    {
        Assert.Equal(milliseconds, (long)Durations.Parse(text).TotalMilliseconds);
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("d", 0)]
    [InlineData("7", 1)]
    [InlineData("7y", 1)]
    [InlineData("7d3", 3)]
    public void Parse_Bad_NamesThePosition(string text, int position)
    {
        Assert.Equal(position, Assert.Throws<SyntaxException>(() => Durations.Parse(text)).Position);
    }

    [Theory]
    [InlineData(30 * 86_400_000L, "30d")]
    [InlineData(36 * 3_600_000L, "1d12h")]
    [InlineData(1_500L, "1s500ms")]
    [InlineData(0L, "0s")]
    public void Format_UsesTheLargestExactUnits(long milliseconds, string text)
    {
        Assert.Equal(text, Durations.Format(TimeSpan.FromMilliseconds(milliseconds)));
        Assert.Equal(milliseconds, (long)Durations.Parse(text).TotalMilliseconds);
    }
}
