using Waymark.Twins.ChDb;

namespace Waymark.Twins.Tests.ChDb;

/// <summary>What <see cref="ClickHouseTimestamps"/> documents about DateTime64 in ClickHouse's funnel functions.</summary>
[Collection(ChDbCollection.Name)]
public sealed class ClickHouseTimestampsTests
{
    private const string Steps = "name = 'a', name = 'b'";

    [Theory]
    [InlineData("windowFunnel(1000)(ts, name = 'a', name = 'b')")]
    [InlineData("windowFunnel(1000)(toUnixTimestamp64Milli(ts), name = 'a', name = 'b')")]
    [InlineData("sequenceMatch('(?1)(?2)')(ts, name = 'a', name = 'b')")]
    [InlineData("sequenceCount('(?1)(?2)')(ts, name = 'a', name = 'b')")]
    public void DateTime64OrSignedMilliseconds_AreRefused(string aggregate)
    {
        using var session = ChDbSession.Open();
        FunnelEvents.Create(session, "DateTime64(3, 'UTC')", (1, 0, "a"), (1, 500, "b"));

        var error = Assert.Throws<ChDbException>(() => session.Query($"SELECT {aggregate} FROM e"));

        Assert.Equal(43, error.Code); // ILLEGAL_TYPE_OF_ARGUMENT
    }

    [Fact]
    public void Milliseconds_WindowIsInMilliseconds_InclusiveAtItsEnd()
    {
        using var session = ChDbSession.Open();
        FunnelEvents.Create(session, "DateTime64(3, 'UTC')", (1, 0, "a"), (1, 1500, "b"), (2, 0, "a"), (2, 900, "b"));
        var ts = ClickHouseTimestamps.Milliseconds("ts");

        Assert.Equal(new Dictionary<uint, long> { [1] = 2, [2] = 2 }, FunnelEvents.PerSubject(session, $"windowFunnel(1500)({ts}, {Steps})"));
        Assert.Equal(new Dictionary<uint, long> { [1] = 1, [2] = 2 }, FunnelEvents.PerSubject(session, $"windowFunnel(1499)({ts}, {Steps})"));
        Assert.Equal(new Dictionary<uint, long> { [1] = 0, [2] = 1 }, FunnelEvents.PerSubject(session, $"sequenceMatch('(?1)(?t<=1000)(?2)')({ts}, {Steps})"));
    }

    [Fact]
    public void Seconds_WindowIsInSeconds_OfTruncatedTimes()
    {
        using var session = ChDbSession.Open();
        // Subject 1: b 1.5 s after a, so 1 s apart once truncated; subject 2: 0.9 s, so the same second.
        FunnelEvents.Create(session, "DateTime64(3, 'UTC')", (1, 0, "a"), (1, 1500, "b"), (2, 0, "a"), (2, 900, "b"));
        var ts = ClickHouseTimestamps.Seconds("ts");

        Assert.Equal(new Dictionary<uint, long> { [1] = 2, [2] = 2 }, FunnelEvents.PerSubject(session, $"windowFunnel(1)({ts}, {Steps})"));
        Assert.Equal(new Dictionary<uint, long> { [1] = 1, [2] = 2 }, FunnelEvents.PerSubject(session, $"windowFunnel(0)({ts}, {Steps})"));
    }

    [Fact]
    public void EventsInOneSecond_TieInConditionOrder_UnlessInMilliseconds()
    {
        using var session = ChDbSession.Open();
        // Subject 1: b at .100 before a at .900; subject 2: a and b at the very same millisecond.
        FunnelEvents.Create(session, "DateTime64(3, 'UTC')", (1, 100, "b"), (1, 900, "a"), (2, 100, "b"), (2, 100, "a"));

        Assert.Equal(new Dictionary<uint, long> { [1] = 2, [2] = 2 },
            FunnelEvents.PerSubject(session, $"windowFunnel(10)({ClickHouseTimestamps.Seconds("ts")}, {Steps})"));
        Assert.Equal(new Dictionary<uint, long> { [1] = 1, [2] = 2 },
            FunnelEvents.PerSubject(session, $"windowFunnel(10000)({ClickHouseTimestamps.Milliseconds("ts")}, {Steps})"));
        Assert.Equal(new Dictionary<uint, long> { [1] = 1, [2] = 1 },
            FunnelEvents.PerSubject(session, $"windowFunnel(10000, 'strict_increase')({ClickHouseTimestamps.Milliseconds("ts")}, {Steps})"));
    }
}
