using Waymark.Tests;
using Waymark.Twins;
using Waymark.Twins.ChDb;
using Waymark.Twins.ClickHouse;

namespace Waymark.Engine.Tests.Kernels;

/// <summary>One ClickHouse session (libchdb allows one per process) for every ClickHouse twin test.</summary>
public sealed class ClickHouseFixture : IDisposable
{
    private readonly TempFolder _folder = new();
    private int _loads;

    public ChDbSession Session { get; } = ChDbSession.Open();

    /// <summary>Replaces the session's <c>events</c> table with these events.</summary>
    public void Load(TwinEvents events)
    {
        var path = _folder.File($"events{_loads++}.parquet");
        using (var duck = events.ToDuckDb())
        {
            events.WriteParquet(duck, path);
        }

        ClickHouseEvents.Load(Session, path);
    }

    public void Dispose()
    {
        Session.Dispose();
        _folder.Dispose();
    }
}

/// <summary>Tests that use the ClickHouse session: one at a time, never beside each other.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ChDbCollection : ICollectionFixture<ClickHouseFixture>
{
    public const string Name = "ChDb";
}
