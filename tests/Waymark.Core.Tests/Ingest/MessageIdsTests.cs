using Waymark.Core.Ingest;

namespace Waymark.Core.Tests.Ingest;

public sealed class MessageIdsTests
{
    // Golden: derived ids and hashes are stored; if these change, re-imports stop deduplicating.
    [Fact]
    public void Derive_IsStableAcrossFoldersAndRuns()
    {
        var a = MessageIds.Derive("/data/a/log.csv", 12, "x,y,z");
        var b = MessageIds.Derive("/elsewhere/log.csv", 12, "x,y,z");
        Assert.Equal(a, b);
        Assert.StartsWith("wm1-", a, StringComparison.Ordinal);
        Assert.Equal(36, a.Length);
        Assert.Equal("wm1-c6631cf34baebbb228dcfd946ab23242", a); // frozen on 2026-11-23
    }

    [Fact]
    public void Derive_DiffersByNamePositionAndContent()
    {
        var baseline = MessageIds.Derive("log.csv", 12, "x");
        Assert.NotEqual(baseline, MessageIds.Derive("other.csv", 12, "x"));
        Assert.NotEqual(baseline, MessageIds.Derive("log.csv", 13, "x"));
        Assert.NotEqual(baseline, MessageIds.Derive("log.csv", 12, "y"));
    }

    [Fact]
    public void Hash_IsXxh3OfUtf8() =>
        Assert.Equal(System.IO.Hashing.XxHash3.HashToUInt64("message-1"u8), MessageIds.Hash("message-1"));
}
