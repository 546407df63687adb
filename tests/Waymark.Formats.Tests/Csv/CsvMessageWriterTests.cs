using System.Text;
using Waymark.Core.Ingest;
using Waymark.Formats.Csv;

namespace Waymark.Formats.Tests.Csv;

public sealed class CsvMessageWriterTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void EveryMessageKind_RoundTripsFieldForField()
    {
        var path = _folder.File("round.csv");
        var batch = Some.TrickyBatch();
        using (var writer = new CsvMessageWriter(path))
        {
            writer.Write(batch);
        }

        var result = ReadResult.Of(path);

        Assert.Empty(result.Errors);
        Assert.Equal(batch.Events, result.Events);
        Some.EqualProfiles(batch.Profiles, result.Profiles);
    }

    [Fact]
    public void Rows_HaveTheDocumentedColumns()
    {
        var stream = new MemoryStream();
        var batch = new MessageBatch();
        batch.Events.Add(Some.Event() with { Name = "say \"hi\", then go", Value = 0.1 });
        using (var writer = new CsvMessageWriter(stream, leaveOpen: true))
        {
            writer.Write(batch);
        }

        Assert.Equal(
            "type,message_id,timestamp,user_id,anonymous_id,account_id,event,channel,source,actor,value,sentiment,properties,traits,roles,previous_id\n" +
            "track,m-report_viewed,2024-03-05T14:30:15.123Z,u1,,,\"say \"\"hi\"\", then go\",,test,,0.1,,,,,\n",
            Encoding.UTF8.GetString(stream.ToArray()));
    }
}
