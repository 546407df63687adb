using Waymark.Engine.Kernels.Sequences;
using Waymark.Engine.Snapshot;
using Waymark.Twins;
using Waymark.Twins.ChDb;
using Waymark.Twins.ClickHouse;

namespace Waymark.Engine.Tests.Kernels.Sequences;

/// <summary>The engine against ClickHouse's own sequenceMatch/sequenceCount on simulated companies.</summary>
[Collection(ChDbCollection.Name)]
public sealed class SequenceClickHouseTwinTests(ClickHouseFixture clickHouse)
{
    private static readonly string[] Patterns =
    [
        "(?1)(?2)", "(?1).*(?2).*(?3)", "(?2).(?1)", "(?3).*(?1)", "(?1)..(?4)",
        "(?1)(?t<=3600)(?2)", "(?1).*(?2)(?t>86400)(?3)", "(?1)(?t==0)(?2)", "(?2)(?t>=600).(?t<7200)(?4)", "(?4)(?t<60)",
    ];

    [Theory]
    [InlineData(1UL, SubjectKind.Person)]
    [InlineData(2UL, SubjectKind.Person)]
    [InlineData(5UL, SubjectKind.Account)]
    public void SimulatedCompany_EngineEqualsClickHouse(ulong seed, SubjectKind kind)
    {
        var events = TwinEvents.Simulate(seed, accounts: 25, kind);
        var log = events.ToEventLog(partitionTarget: 2000);
        clickHouse.Load(events);
        var names = Timeline.TopNames(events, 12)[^4..];
        var range = new TimeRange(events.Events.Min(e => e.Time) + (10 * Some.Day), long.MaxValue);
        foreach (var pattern in Patterns)
        {
            var query = SequenceQuery.OfNames(pattern, names);
            var engine = SequenceEngineTests.Engine(log, query, range);
            Assert.Equal(SequenceClickHouse.Run(clickHouse.Session, query, range), engine, TwinSequenceComparer.Instance);
        }
    }

    [Fact]
    public void QuadraticSearch_ClickHouseFailsWhereTheEngineReportsTheLimit()
    {
        // The same subject as SequenceKernelTests.QuadraticSearch_StopsAtClickHousesStepLimit.
        var events = new List<TwinEvent> { new("s1", Some.Day0, "b", "{}") };
        events.AddRange(Enumerable.Range(1, 2000).Select(i => new TwinEvent("s1", Some.Day0 + i, "a", "{}")));
        clickHouse.Load(new TwinEvents(SubjectKind.Person, events));
        var error = Assert.Throws<ChDbException>(() =>
            SequenceClickHouse.Run(clickHouse.Session, SequenceQuery.OfNames("(?1)(?t<=1000000)(?2)", "a", "b"), TimeRange.All));
        Assert.Contains("TOO_SLOW", error.Message, StringComparison.Ordinal);
    }
}
