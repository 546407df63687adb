using Waymark.Core.Model;

namespace Waymark.Core.Tests.Model;

public sealed class TimestampsTests
{
    [Theory]
    [InlineData("2010-12-30 14:32:00+01:00", "2010-12-30T13:32:00.000Z")]
    [InlineData("2010-12-30T14:32:00.000+01:00", "2010-12-30T13:32:00.000Z")]
    [InlineData("2012-01-23T14:42:54.644Z", "2012-01-23T14:42:54.644Z")]
    [InlineData("2012-01-23T14:42:54.6449999Z", "2012-01-23T14:42:54.644Z")]
    [InlineData("2012-01-23 14:42:54", "2012-01-23T14:42:54.000Z")]
    [InlineData("2012-01-23", "2012-01-23T00:00:00.000Z")]
    public void TryParse_GivesUtcMilliseconds(string text, string expected)
    {
        Assert.True(Timestamps.TryParse(text, out var time));
        Assert.Equal(DateTimeKind.Utc, time.Kind);
        Assert.Equal(expected, Timestamps.Format(time));
    }

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("2012-13-01T00:00:00Z")]
    [InlineData("2012-01-23T25:00:00Z")]
    public void TryParse_RejectsWhatIsNotATime(string text) => Assert.False(Timestamps.TryParse(text, out _));

    [Fact]
    public void UnixMilliseconds_RoundTrip()
    {
        Assert.True(Timestamps.TryFromUnixMilliseconds(1_293_715_920_123, out var time));
        Assert.Equal("2010-12-30T13:32:00.123Z", Timestamps.Format(time));
        Assert.Equal(1_293_715_920_123, Timestamps.ToUnixMilliseconds(time));
        Assert.False(Timestamps.TryFromUnixMilliseconds(long.MaxValue, out _));
    }
}
