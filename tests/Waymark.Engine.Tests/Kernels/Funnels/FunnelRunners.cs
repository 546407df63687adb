using Waymark.Engine.Execution;
using Waymark.Engine.Kernels.Funnels;
using Waymark.Tests;
using Waymark.Twins;
using Waymark.Twins.ClickHouse;
using Waymark.Twins.DuckDb;

namespace Waymark.Engine.Tests.Kernels.Funnels;

/// <summary>How each implementation answers "each subject's level": the suites run against all of them.</summary>
internal static class FunnelRunners
{
    public static IReadOnlyDictionary<string, int> Engine(TwinEvents events, FunnelQuery query, QueryScope scope, FunnelStrategy strategy) =>
        Funnel.Levels(events.ToEventLog(partitionTarget: 3), query, scope, strategy);

    public static IReadOnlyDictionary<string, int> ClickHouse(ClickHouseFixture fixture, TwinEvents events, FunnelQuery query, QueryScope scope)
    {
        using var duck = events.ToDuckDb();
        using var folder = new TempFolder();
        ClickHouseFunnel.Load(fixture.Session, duck, folder.Path);
        return ClickHouseFunnel.Levels(fixture.Session, query, scope);
    }
}

public sealed class EngineFunnelTests : FunnelSuite
{
    protected override IReadOnlyDictionary<string, int> Levels(TwinEvents events, FunnelQuery query, QueryScope scope) =>
        FunnelRunners.Engine(events, query, scope, FunnelStrategy.Indexed);
}

public sealed class EngineFullScanFunnelTests : FunnelSuite
{
    protected override IReadOnlyDictionary<string, int> Levels(TwinEvents events, FunnelQuery query, QueryScope scope) =>
        FunnelRunners.Engine(events, query, scope, FunnelStrategy.FullScan);
}

public sealed class DuckDbAsofFunnelTests : FunnelSuite
{
    protected override IReadOnlyDictionary<string, int> Levels(TwinEvents events, FunnelQuery query, QueryScope scope)
    {
        using var duck = events.ToDuckDb();
        return DuckDbFunnel.LevelsAsof(duck, query, scope);
    }
}

public sealed class DuckDbJoinsFunnelTests : FunnelSuite
{
    protected override IReadOnlyDictionary<string, int> Levels(TwinEvents events, FunnelQuery query, QueryScope scope)
    {
        using var duck = events.ToDuckDb();
        return DuckDbFunnel.LevelsByJoins(duck, query, scope);
    }
}

[Collection(ChDbCollection.Name)]
public sealed class ClickHouseFunnelTests(ClickHouseFixture fixture) : FunnelSuite
{
    protected override IReadOnlyDictionary<string, int> Levels(TwinEvents events, FunnelQuery query, QueryScope scope) =>
        FunnelRunners.ClickHouse(fixture, events, query, scope);
}

public sealed class EngineFunnelModesTests : FunnelModesSuite
{
    protected override IReadOnlyDictionary<string, int> Levels(TwinEvents events, FunnelQuery query, QueryScope scope) =>
        FunnelRunners.Engine(events, query, scope, FunnelStrategy.Indexed);
}

public sealed class EngineFullScanFunnelModesTests : FunnelModesSuite
{
    protected override IReadOnlyDictionary<string, int> Levels(TwinEvents events, FunnelQuery query, QueryScope scope) =>
        FunnelRunners.Engine(events, query, scope, FunnelStrategy.FullScan);
}

[Collection(ChDbCollection.Name)]
public sealed class ClickHouseFunnelModesTests(ClickHouseFixture fixture) : FunnelModesSuite
{
    protected override IReadOnlyDictionary<string, int> Levels(TwinEvents events, FunnelQuery query, QueryScope scope) =>
        FunnelRunners.ClickHouse(fixture, events, query, scope);
}
