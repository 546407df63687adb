namespace Waymark.Storage.DuckDb.Tests;

public sealed class DedupIndexTests
{
    [Fact]
    public void Add_GrowsAndRemembersEverything_IncludingZero()
    {
        var index = new DedupIndex(capacity: 4);
        var random = new Random(7);
        var hashes = new HashSet<ulong> { 0 };
        while (hashes.Count < 50_000)
        {
            hashes.Add((ulong)random.NextInt64());
        }

        foreach (var hash in hashes)
        {
            Assert.True(index.Add(hash));
        }

        foreach (var hash in hashes)
        {
            Assert.False(index.Add(hash));
            Assert.True(index.Contains(hash));
        }

        Assert.Equal(hashes.Count, index.Count);
        Assert.False(index.Contains(12345));
    }
}
