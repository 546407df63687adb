using Waymark.Engine.Snapshot;
using Waymark.Twins;

namespace Waymark.Engine.Tests.Twins;

public sealed class TwinEventsTests
{
    [Fact]
    public void SimulatedCompany_EngineAndDuckDbHoldTheSameEvents()
    {
        var twins = TwinEvents.Simulate(seed: 3, accounts: 20, SubjectKind.Account);
        var log = twins.ToEventLog(partitionTarget: 500);
        using var duck = twins.ToDuckDb();
        using var command = duck.CreateCommand();
        command.CommandText = "SELECT count(*), count(DISTINCT subject), count(DISTINCT name), min(ms), max(ms) FROM events";
        using var reader = command.ExecuteReader();
        reader.Read();

        var flat = Some.Flatten(log);
        Assert.Equal(reader.GetInt64(0), log.EventCount);
        Assert.Equal(reader.GetInt64(1), flat.Select(e => e.Subject).Distinct().Count());
        Assert.Equal(reader.GetInt64(2), flat.Select(e => e.Name).Distinct().Count());
        Assert.Equal(reader.GetInt64(3), flat.Min(e => e.Time));
        Assert.Equal(reader.GetInt64(4), flat.Max(e => e.Time));
        Assert.Equal(20, twins.Traits.Count);
        Assert.True(log.Partitions.Count > 1);
    }
}
