namespace Waymark.Twins.Tests.ChDb;

/// <summary>
/// Tests that open a <see cref="Twins.ChDb.ChDbSession"/>: libchdb allows one per process, so
/// they run one at a time and never beside another collection.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ChDbCollection
{
    public const string Name = "ChDb";
}
