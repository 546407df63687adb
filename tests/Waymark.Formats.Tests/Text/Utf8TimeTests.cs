using System.Text;
using Waymark.Core.Model;
using Waymark.Formats.Text;

namespace Waymark.Formats.Tests.Text;

public sealed class Utf8TimeTests
{
    [Theory]
    [InlineData("2024-03-05")]
    [InlineData("2024-03-05T14:30")]
    [InlineData("2024-03-05 14:30:15")]
    [InlineData("2024-03-05T14:30:15Z")]
    [InlineData("2024-03-05T14:30:15.1Z")]
    [InlineData("2024-03-05T14:30:15.1234567Z")]
    [InlineData("2024-03-05T14:30:15.9999999+01:00")]
    [InlineData("2024-03-05T00:30:15-05:30")]
    [InlineData("2010-12-30 14:32:00+01:00")]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("2024-02-29T23:59:59.999Z")]
    public void Parse_AgreesWithTimestamps(string text)
    {
        Assert.True(Timestamps.TryParse(text, out var expected));

        Assert.True(Utf8Time.TryParse(Encoding.UTF8.GetBytes(text), out var actual));

        Assert.Equal(expected, actual);
        Assert.Equal(DateTimeKind.Utc, actual.Kind);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2023-02-29")]
    [InlineData("2024-13-01")]
    [InlineData("2024-03-05T25:00:00Z")]
    [InlineData("2024-03-05T14:30:15.12345678Z")]
    [InlineData("2024-03-05T14:30:15+0100x")]
    [InlineData("")]
    public void Parse_RejectsWhatTimestampsRejects(string text)
    {
        Assert.False(Timestamps.TryParse(text, out _));

        Assert.False(Utf8Time.TryParse(Encoding.UTF8.GetBytes(text), out _));
    }

    [Fact]
    public void Parse_TruncatesToMilliseconds()
    {
        Assert.True(Utf8Time.TryParse("2024-03-05T14:30:15.1239Z"u8, out var time));

        Assert.Equal(new DateTime(2024, 3, 5, 14, 30, 15, 123, DateTimeKind.Utc), time);
    }
}
