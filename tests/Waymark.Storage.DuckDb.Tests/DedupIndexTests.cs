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

    [Fact]
    public void Add_HashesOfOneTable_GrowItAlone_AndHashesSharingLowBitsStayApart()
    {
        var index = new DedupIndex(capacity: 1);
        var before = index.Bytes;

        // Same top 8 bits (one table), and the same low bits in every table.
        for (ulong i = 1; i <= 10_000; i++)
        {
            Assert.True(index.Add((0xABUL << 56) | i));
        }

        for (ulong table = 0; table < 256; table++)
        {
            Assert.Equal(table != 0xAB, index.Add((table << 56) | 0x42UL));
        }

        Assert.True(index.Bytes - before <= 10_000 * 8 * 3, "only one table grew past its first size");
        Assert.False(index.Add((0xABUL << 56) | 5000));
        Assert.True(index.Contains((7UL << 56) | 0x42UL));
        Assert.False(index.Contains((7UL << 56) | 0x43UL));
    }

    [Fact]
    public void AddMany_AnswersAsAddOneByOne_WithRepeatsInsideTheRun()
    {
        var random = new Random(11);
        var hashes = Enumerable.Range(0, 30_000).Select(_ => (ulong)random.NextInt64()).ToArray();
        hashes[20_000] = hashes[3];
        hashes[29_999] = 0;
        var one = new DedupIndex(capacity: 16);
        var many = new DedupIndex(capacity: 16);
        one.Add(hashes[5]);
        many.Add(hashes[5]);
        var added = new bool[hashes.Length];

        many.AddMany(hashes, added);

        for (var i = 0; i < hashes.Length; i++)
        {
            Assert.Equal(one.Add(hashes[i]), added[i]);
        }

        Assert.False(added[5]);
        Assert.False(added[20_000]);
        Assert.Equal(one.Count, many.Count);
    }
}
