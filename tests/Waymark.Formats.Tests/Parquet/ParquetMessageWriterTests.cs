using Waymark.Core.Ingest;
using Waymark.Formats.Parquet;

namespace Waymark.Formats.Tests.Parquet;

public sealed class ParquetMessageWriterTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void EveryMessageKind_RoundTripsFieldForField()
    {
        var path = _folder.File("round.parquet");
        var batch = Some.TrickyBatch();
        using (var writer = new ParquetMessageWriter(path))
        {
            writer.Write(batch);
            writer.Write(batch);
        }

        var result = ReadResult.Of(path);

        Assert.Empty(result.Errors);
        Assert.Equal([.. batch.Events, .. batch.Events], result.Events);
        Some.EqualProfiles([.. batch.Profiles, .. batch.Profiles], result.Profiles);
    }

    [Fact]
    public void EmptyWriter_LeavesAReadableFileWithoutRows()
    {
        var path = _folder.File("none.parquet");
        new ParquetMessageWriter(path).Dispose();

        var result = ReadResult.Of(path);

        Assert.Empty(result.Events);
        Assert.Empty(result.Errors);
        Assert.Equal(0, result.Batches);
    }

    [Fact]
    public void MessagesWithoutIds_AreRejectedNowhere_TheirIdsAreKept()
    {
        var path = _folder.File("ids.parquet");
        var batch = new MessageBatch();
        batch.Events.Add(Some.Event() with { MessageId = "custom-id" });
        using (var writer = new ParquetMessageWriter(path))
        {
            writer.Write(batch);
        }

        Assert.Equal("custom-id", Assert.Single(ReadResult.Of(path).Events).MessageId);
    }
}
