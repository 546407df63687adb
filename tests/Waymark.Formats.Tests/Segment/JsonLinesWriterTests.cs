using System.Text;
using Waymark.Core.Ingest;
using Waymark.Core.Model;
using Waymark.Formats.Segment;

namespace Waymark.Formats.Tests.Segment;

public sealed class JsonLinesWriterTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("round.jsonl")]
    [InlineData("round.ndjson.gz")]
    public void EveryMessageKind_RoundTripsFieldForField(string name)
    {
        var path = _folder.File(name);
        var batch = Some.TrickyBatch();
        using (var writer = new JsonLinesWriter(path))
        {
            writer.Write(batch);
        }

        var result = ReadResult.Of(path);

        Assert.Empty(result.Errors);
        Assert.Equal(batch.Events, result.Events);
        Some.EqualProfiles(batch.Profiles, result.Profiles);
    }

    [Fact]
    public void Event_IsWrittenAsOneSegmentTrackLine()
    {
        var stream = new MemoryStream();
        var batch = new MessageBatch();
        batch.Events.Add(Some.Event() with { AccountId = "acc", Actor = Actor.Vendor, Value = 2, Properties = Properties.Parse("""{"k":"v"}""") });
        using (var writer = new JsonLinesWriter(stream, leaveOpen: true))
        {
            writer.Write(batch);
        }

        Assert.Equal(
            """{"type":"track","messageId":"m-report_viewed","timestamp":"2024-03-05T14:30:15.123Z","userId":"u1","event":"report_viewed","properties":{"k":"v"},"value":2,"context":{"groupId":"acc","source":"test","actor":"vendor"}}""" + "\n",
            Encoding.UTF8.GetString(stream.ToArray()));
    }

    [Fact]
    public void EventWithoutSource_ReadsBackWithTheFileName()
    {
        var path = _folder.File("nosource.jsonl");
        var batch = new MessageBatch();
        batch.Events.Add(Some.Event() with { Source = null });
        using (var writer = new JsonLinesWriter(path))
        {
            writer.Write(batch);
        }

        Assert.Equal("nosource.jsonl", Assert.Single(ReadResult.Of(path).Events).Source);
    }

    [Fact]
    public void ManyBatches_StreamInOrder()
    {
        var path = _folder.File("many.jsonl");
        using (var writer = new JsonLinesWriter(path))
        {
            var batch = new MessageBatch();
            for (var b = 0; b < 5; b++)
            {
                batch.Clear();
                for (var i = 0; i < 10_000; i++)
                {
                    batch.Events.Add(Some.Event($"e{(b * 10_000) + i}"));
                }

                writer.Write(batch);
            }
        }

        var result = ReadResult.Of(path);

        Assert.Equal(50_000, result.Events.Count);
        Assert.Equal("e49999", result.Events[^1].Name);
    }
}
