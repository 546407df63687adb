using System.IO.Compression;
using System.Text;
using Waymark.Core.Errors;
using Waymark.Formats.Segment;

namespace Waymark.Formats.Tests.Segment;

public sealed class SegmentJsonLinesReaderErrorTests : IDisposable
{
    private const string Good = """{"event":"ok","userId":"u","timestamp":"2024-01-01"}""";

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    // The bad line sits on line 2 between two good ones, which must both be read.
    private RecordError ErrorOf(string badLine)
    {
        var path = _folder.Write("bad.jsonl", Good + "\n" + badLine + "\n" + Good + "\n");
        var result = ReadResult.Of(path);
        Assert.Equal(2, result.Events.Count);
        var error = result.SingleError();
        Assert.Equal(path, error.Location.Source);
        Assert.Equal(2, error.Location.Line);
        Assert.False(error.Fatal);
        return error;
    }

    [Fact]
    public void BadTimestamp_SaysWhereAndWhat()
    {
        var error = ErrorOf("""{"event":"x","userId":"u","timestamp":"yesterday"}""");

        Assert.Equal(39, error.Location.Column);
        Assert.Equal("$.timestamp", error.Location.Path);
        Assert.EndsWith(":2:39 $.timestamp: expected an ISO 8601 time or Unix milliseconds; found \"yesterday\"", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void PropertiesNotAnObject_IsRejected()
    {
        var error = ErrorOf("""{"event":"x","userId":"u","timestamp":"2024-01-01","properties":3}""");

        Assert.Equal("$.properties", error.Location.Path);
        Assert.Equal(65, error.Location.Column);
        Assert.Equal("a JSON object", error.Expected);
        Assert.Equal("3", error.Found);
    }

    [Fact]
    public void InvalidJson_GivesTheColumn()
    {
        var error = ErrorOf("""{"event":"x","userId":u}""");

        Assert.Equal(23, error.Location.Column);
        Assert.Equal("valid JSON", error.Expected);
        Assert.Contains("'u' is an invalid start of a value", error.Found, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidJsonInsideAField_NamesTheField()
    {
        var error = ErrorOf("""{"event":"x","userId":"u","timestamp":"2024-01-01","properties":{"a":tru}}""");

        Assert.Equal("$.properties", error.Location.Path);
        Assert.Equal("valid JSON", error.Expected);
    }

    [Fact]
    public void TrailingGarbage_IsRejected()
    {
        var error = ErrorOf(Good + " x");

        Assert.Equal("valid JSON", error.Expected);
        Assert.Equal(Good.Length + 2, error.Location.Column);
    }

    [Fact]
    public void InvalidUtf8_GivesTheByteOffset()
    {
        var bytes = Encoding.UTF8.GetBytes(Good + "\n{\"event\":\"caf");
        var bad = new byte[] { 0xC3, 0x28 };
        var path = _folder.Write("utf.jsonl", [.. bytes, .. bad, .. Encoding.UTF8.GetBytes("\",\"userId\":\"u\",\"timestamp\":\"2024-01-01\"}\n" + Good)]);

        var result = ReadResult.Of(path);

        Assert.Equal(2, result.Events.Count);
        var error = result.SingleError();
        Assert.Equal(2, error.Location.Line);
        Assert.Equal(14, error.Location.Column);
        Assert.Equal("UTF-8 text", error.Expected);
        Assert.Equal("an invalid UTF-8 byte 0xC3 at byte offset 13", error.Found);
    }

    [Theory]
    [InlineData("""{"event":"x","timestamp":"2024-01-01"}""", "$.userId", "a userId or an anonymousId")]
    [InlineData("""{"userId":"u","timestamp":"2024-01-01"}""", "$.type", "one of track, identify, group, page, screen, alias")]
    [InlineData("""{"type":"track","userId":"u","timestamp":"2024-01-01"}""", "$.event", "an event name")]
    [InlineData("""{"type":"group","userId":"u","timestamp":"2024-01-01"}""", "$.groupId", "a groupId")]
    [InlineData("""{"type":"alias","userId":"u","timestamp":"2024-01-01"}""", "$.previousId", "a previousId")]
    [InlineData("""{"type":"alias","anonymousId":"a","previousId":"p","timestamp":"2024-01-01"}""", "$.userId", "a userId")]
    [InlineData("""{"event":"x","userId":"u"}""", "$.timestamp", "an ISO 8601 time or Unix milliseconds in timestamp, originalTimestamp, sentAt or receivedAt")]
    public void MissingRequiredField_IsNamed(string line, string path, string expected)
    {
        var error = ErrorOf(line);

        Assert.Equal(path, error.Location.Path);
        Assert.Equal(expected, error.Expected);
    }

    [Theory]
    [InlineData("""{"type":"visit","event":"x","userId":"u","timestamp":"2024-01-01"}""", "$.type", 9)]
    [InlineData("""{"event":"x","userId":"u","timestamp":"2024-01-01","actor":"alien"}""", "$.actor", 60)]
    [InlineData("""{"event":"x","userId":"u","timestamp":"2024-01-01","sentiment":2}""", "$.sentiment", 64)]
    [InlineData("""{"event":"x","userId":"u","timestamp":"2024-01-01","value":"12"}""", "$.value", 60)]
    [InlineData("""{"event":"x","userId":["u"],"timestamp":"2024-01-01"}""", "$.userId", 23)]
    [InlineData("""{"event":"x","userId":"u","timestamp":"2024-01-01","properties":{"a":1,"a":2}}""", "$.properties.a", 72)]
    [InlineData("""{"event":"x","userId":"u","timestamp":"2024-01-01","sentAt":"soon"}""", "$.sentAt", 61)]
    [InlineData("""{"event":"x","userId":"u","timestamp":"2024-01-01","context":{"groupId":{}}}""", "$.context.groupId", 73)]
    [InlineData("""[1,2]""", "$", 1)]
    public void WrongType_IsLocated(string line, string path, long column)
    {
        var error = ErrorOf(line);

        Assert.Equal(path, error.Location.Path);
        Assert.Equal(column, error.Location.Column);
    }

    [Fact]
    public void LineOverTheLimit_IsSkippedWithoutBufferingIt()
    {
        var path = _folder.File("huge.jsonl");
        using (var file = File.Create(path))
        {
            file.Write(Encoding.UTF8.GetBytes(Good + "\n{\"event\":\"x\",\"userId\":\"u\",\"timestamp\":\"2024-01-01\",\"properties\":{\"pad\":\""));
            var pad = new byte[1 << 20];
            pad.AsSpan().Fill((byte)'a');
            for (var i = 0; i < 10; i++)
            {
                file.Write(pad);
            }

            file.Write(Encoding.UTF8.GetBytes("\"}}\n" + Good + "\n"));
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = ReadResult.Of(new SegmentJsonLinesReader(path));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(2, result.Events.Count);
        var error = result.SingleError();
        Assert.Equal(2, error.Location.Line);
        Assert.Equal($"a line of at most {ReaderOptions.DefaultMaxRecordBytes} bytes", error.Expected);
        Assert.Equal($"a line of {(10 << 20) + 75} bytes", error.Found);
        Assert.True(allocated < 4 << 20, $"allocated {allocated} bytes");
    }

    [Fact]
    public void LimitFromOptions_IsApplied()
    {
        var path = _folder.Write("small.jsonl", Good + "\n" + Good.Replace("ok", "long-name", StringComparison.Ordinal) + "\n" + Good);

        var result = ReadResult.Of(path, new ReaderOptions { MaxRecordBytes = Good.Length });

        Assert.Equal(2, result.Events.Count);
        Assert.Equal($"a line of {Good.Length + 7} bytes", result.SingleError().Found);
    }

    [Fact]
    public void EmptyFile_IsFatal()
    {
        var path = _folder.Write("empty.jsonl", "");

        var result = ReadResult.Of(new SegmentJsonLinesReader(path));
        var thrown = Assert.Throws<InputException>(() => MessageReaders.Open(path));

        var error = result.SingleError();
        Assert.True(error.Fatal);
        Assert.Equal($"{path}:1: file is empty; expected one Segment JSON message per line", error.ToString());
        Assert.StartsWith(path + ": file is empty", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TruncatedGzip_IsFatalAfterTheRecordsBeforeIt()
    {
        var path = _folder.File("cut.jsonl.gz");
        var full = new MemoryStream();
        using (var gzip = new GZipStream(full, CompressionLevel.Fastest, leaveOpen: true))
        using (var text = new StreamWriter(gzip))
        {
            for (var i = 0; i < 200_000; i++)
            {
                text.Write($"{{\"event\":\"e{i}\",\"userId\":\"u{i % 97}\",\"timestamp\":{1700000000000 + i}}}\n");
            }
        }

        var bytes = full.ToArray();
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        using var reader = MessageReaders.Open(path);

        var result = ReadResult.Of(reader);

        Assert.InRange(result.Events.Count, 1000, 199_999);
        Assert.Equal(Enumerable.Range(0, result.Events.Count).Select(i => $"e{i}"), result.Events.Select(e => e.Name));
        var error = result.SingleError();
        Assert.True(error.Fatal);
        Assert.Equal(result.Events.Count + 1, error.Location.Line);
        Assert.Contains("the gzip stream is truncated", error.Found, StringComparison.Ordinal);
        Assert.Contains($"reading stopped at line {result.Events.Count + 1}", error.Found, StringComparison.Ordinal);
        Assert.Equal(bytes.Length / 2, reader.Length);
    }

    [Fact]
    public void WholeGzip_ReadsEverythingWithProgress()
    {
        var path = _folder.File("all.ndjson.gz");
        using (var gzip = new GZipStream(File.Create(path), CompressionLevel.Fastest))
        using (var text = new StreamWriter(gzip))
        {
            for (var i = 0; i < 1000; i++)
            {
                text.Write(Good + "\n");
            }
        }

        using var reader = MessageReaders.Open(path);
        var result = ReadResult.Of(reader, batchSize: 300);

        Assert.Equal(1000, result.Events.Count);
        Assert.Empty(result.Errors);
        Assert.Equal(4, result.Batches);
        Assert.Equal(new FileInfo(path).Length, reader.Length);
        Assert.Equal(reader.Length, reader.Position);
    }
}
