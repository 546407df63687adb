using Waymark.Twins.ChDb;

namespace Waymark.Engine.Tests.Twins;

/// <summary>
/// The one ClickHouse session of this test process (libchdb allows one at a time), shared by
/// every test class of the <see cref="ChDbCollection"/>, which run one after another.
/// </summary>
public sealed class ChDbFixture : IDisposable
{
    public ChDbSession Session { get; } = ChDbSession.Open();

    public void Dispose() => Session.Dispose();
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ChDbCollection : ICollectionFixture<ChDbFixture>
{
    public const string Name = "ChDb";
}
