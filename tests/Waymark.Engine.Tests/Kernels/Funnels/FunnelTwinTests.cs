using Waymark.Core.Conditions;
using Waymark.Engine.Execution;
using Waymark.Engine.Kernels.Funnels;
using Waymark.Engine.Snapshot;
using Waymark.Twins;
using Waymark.Twins.ClickHouse;
using Waymark.Twins.DuckDb;

namespace Waymark.Engine.Tests.Kernels.Funnels;

/// <summary>The engine against its DuckDB twins on simulated companies, several seeds and funnels.</summary>
public sealed class FunnelTwinTests
{
    public static TheoryData<ulong, string> Cases()
    {
        var data = new TheoryData<ulong, string>();
        foreach (var seed in new ulong[] { 1, 2, 3 })
        {
            foreach (var funnel in Funnels.Keys)
            {
                data.Add(seed, funnel);
            }
        }

        return data;
    }

    internal static readonly Dictionary<string, (SubjectKind Kind, FunnelQuery Query)> Funnels = new()
    {
        ["onboarding"] = (SubjectKind.Account, FunnelQuery.Of(TimeSpan.FromDays(30), "contract_signed", "meeting_held", "report_created", "report_viewed")),
        ["usage"] = (SubjectKind.Person, FunnelQuery.Of(TimeSpan.FromHours(1), "session_started", "feature_used", "feature_used", "report_viewed")),
        ["support"] = (SubjectKind.Account, FunnelQuery.Of(
            TimeSpan.FromDays(2),
            EventCondition.Named("ticket_opened", PropertyFilter.In("severity", "high", "critical")),
            EventCondition.Named("ticket_resolved"),
            EventCondition.Named("csat_submitted"))),
        ["any-first"] = (SubjectKind.Person, FunnelQuery.Of(TimeSpan.FromDays(7), EventCondition.AnyEvent, EventCondition.Named("report_viewed"))),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void SimulatedCompany_LevelsAreThoseOfBothDuckDbFormulations(ulong seed, string funnel)
    {
        var (kind, query) = Funnels[funnel];
        var twins = TwinEvents.Simulate(seed, accounts: 30, kind);
        var log = twins.ToEventLog(partitionTarget: 2000);
        using var duck = twins.ToDuckDb();

        var engine = Funnel.Levels(log, query, QueryScope.Everything);

        Assert.Contains(engine.Values, l => l >= 2);
        Assert.Equal(DuckDbFunnel.LevelsByJoins(duck, query, QueryScope.Everything), engine);
        Assert.Equal(DuckDbFunnel.LevelsAsof(duck, query, QueryScope.Everything), engine);
        Assert.Equal(Funnel.Levels(log, query, QueryScope.Everything, FunnelStrategy.FullScan), engine);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void SimulatedCompany_CountsAndTimesToConvertAreThoseOfDuckDb(ulong seed, string funnel)
    {
        var (kind, query) = Funnels[funnel];
        var twins = TwinEvents.Simulate(seed, accounts: 30, kind);
        using var duck = twins.ToDuckDb();
        var scope = new QueryScope(Cohort.Everyone, new TimeRange(TimeRange.ToMilliseconds(new DateTime(2025, 2, 1)), TimeRange.ToMilliseconds(new DateTime(2025, 9, 1))));

        var result = Funnel.Run(twins.ToEventLog(partitionTarget: 2000), query, scope);

        var times = DuckDbFunnel.TimesByJoins(duck, query, scope);
        Assert.Equal(DuckDbFunnel.ReachedAsof(duck, query, scope), result.Steps.Select(s => s.Reached));
        for (var k = 1; k < query.Steps.Count; k++)
        {
            var expected = times.Values.Where(t => t[k] >= 0).Select(t => t[k]).Order().ToArray();
            var actual = result.Steps[k].TimeToConvert;
            if (expected.Length == 0)
            {
                Assert.Null(actual);
                continue;
            }

            // Nearest rank: the ⌈p·n⌉-th smallest.
            Assert.Equal(expected.Length, actual!.Subjects);
            Assert.Equal(expected[((expected.Length * 50) + 99) / 100 - 1], actual.MedianMs);
            Assert.Equal(expected[((expected.Length * 90) + 99) / 100 - 1], actual.P90Ms);
            Assert.Equal(expected[0], actual.MinMs);
            Assert.Equal(expected[^1], actual.MaxMs);
            Assert.Equal(expected.Length, actual.Histogram.Sum(b => b.Subjects));
        }
    }

    [Theory]
    [InlineData(4UL)]
    [InlineData(5UL)]
    public void PerStepLimits_LevelsAndTimesAreThoseOfDuckDbJoins(ulong seed)
    {
        var twins = TwinEvents.Simulate(seed, accounts: 30, SubjectKind.Person);
        using var duck = twins.ToDuckDb();
        var steps = new[] { FunnelStep.Named("session_started"), FunnelStep.Named("feature_used") with { Within = TimeSpan.FromMinutes(5) }, FunnelStep.Named("report_viewed") with { Within = TimeSpan.FromMinutes(20) } };
        var query = new FunnelQuery(steps, TimeSpan.FromHours(2));
        var log = twins.ToEventLog(partitionTarget: 2000);

        var levels = Funnel.Levels(log, query, QueryScope.Everything);
        var result = Funnel.Run(log, query, QueryScope.Everything);

        Assert.Equal(DuckDbFunnel.LevelsByJoins(duck, query, QueryScope.Everything), levels);
        var times = DuckDbFunnel.TimesByJoins(duck, query, QueryScope.Everything);
        Assert.Equal(times.Values.Where(t => t[2] >= 0).Max(t => t[2]), result.Steps[2].TimeToConvert!.MaxMs);
        Assert.Equal(times.Values.Count(t => t[2] >= 0), result.Steps[2].Reached);
    }

    [Fact]
    public void LateEvents_GiveTheLevelsOfTheWholeLogBuiltAtOnce()
    {
        var twins = TwinEvents.Simulate(6, accounts: 20, SubjectKind.Account);
        var query = Funnels["onboarding"].Query;
        var events = twins.Events;
        var cut = TimeRange.ToMilliseconds(new DateTime(2025, 6, 1));
        var builder = new EventLog.Builder(SubjectKind.Account) { PartitionTarget = 2000 };
        foreach (var e in events.Where(e => e.Time >= cut))
        {
            builder.AddEvent(e.Subject, e.Time, e.Name, e.Properties);
        }

        var late = EventLog.Builder.From(builder.Build());
        foreach (var e in events.Where(e => e.Time < cut))
        {
            late.AddEvent(e.Subject, e.Time, e.Name, e.Properties);
        }

        Assert.Equal(Funnel.Levels(twins.ToEventLog(2000), query, QueryScope.Everything), Funnel.Levels(late.Build(), query, QueryScope.Everything));
    }

    [Theory]
    [InlineData(7UL)]
    [InlineData(8UL)]
    public void EveryMode_IndexedAndFullScanAgree(ulong seed)
    {
        var twins = TwinEvents.Simulate(seed, accounts: 30, SubjectKind.Person);
        var log = twins.ToEventLog(partitionTarget: 2000);
        foreach (var query in ModeQueries())
        {
            Assert.Equal(Funnel.Levels(log, query, QueryScope.Everything, FunnelStrategy.FullScan), Funnel.Levels(log, query, QueryScope.Everything));
        }
    }

    internal static IEnumerable<FunnelQuery> ModeQueries()
    {
        var baseQuery = FunnelQuery.Of(TimeSpan.FromHours(1), "session_started", "feature_used", "feature_used", "report_viewed");
        foreach (var modes in new[]
        {
            FunnelModes.None, FunnelModes.StrictDeduplication, FunnelModes.StrictOrder, FunnelModes.StrictIncrease,
            FunnelModes.StrictOrder | FunnelModes.AllowReentry, FunnelModes.StrictDeduplication | FunnelModes.StrictIncrease | FunnelModes.StrictOrder,
        })
        {
            yield return baseQuery with { Modes = modes };
        }
    }
}

/// <summary>The engine against ClickHouse's own windowFunnel on simulated companies, in every mode.</summary>
[Collection(ChDbCollection.Name)]
public sealed class FunnelClickHouseTwinTests(ClickHouseFixture fixture)
{
    [Theory]
    [InlineData(11UL)]
    [InlineData(12UL)]
    [InlineData(13UL)]
    public void SimulatedCompany_EveryModeGivesClickHousesLevels(ulong seed)
    {
        var twins = TwinEvents.Simulate(seed, accounts: 30, SubjectKind.Person);
        var log = twins.ToEventLog(partitionTarget: 2000);
        using var duck = twins.ToDuckDb();
        using var folder = new Waymark.Tests.TempFolder();
        ClickHouseFunnel.Load(fixture.Session, duck, folder.Path);
        var queries = FunnelTwinTests.ModeQueries().Concat([FunnelTwinTests.Funnels["support"].Query with { Modes = FunnelModes.StrictOrder }]);

        foreach (var query in queries)
        {
            var clickHouse = ClickHouseFunnel.Levels(fixture.Session, query, QueryScope.Everything);
            Assert.True(clickHouse.Count > 0);
            Assert.Equal(clickHouse, Funnel.Levels(log, query, QueryScope.Everything));
        }
    }
}
