using Waymark.Core.Errors;
using Waymark.Formats.Csv;
using Waymark.Formats.Parquet;
using Waymark.Formats.Segment;

namespace Waymark.Formats.Tests;

public sealed class MessageReadersTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("a.jsonl", typeof(SegmentJsonLinesReader))]
    [InlineData("a.NDJSON", typeof(SegmentJsonLinesReader))]
    [InlineData("a.csv", typeof(CsvMessageReader))]
    [InlineData("a.tsv", typeof(CsvMessageReader))]
    public void Open_PicksTheReaderByExtension(string name, Type expected)
    {
        var text = name.EndsWith(".csv", StringComparison.Ordinal) ? "user_id,timestamp,event\n"
            : name.EndsWith(".tsv", StringComparison.Ordinal) ? "user_id\ttimestamp\tevent\n"
            : "{}\n";
        var path = _folder.Write(name, text);

        using var reader = MessageReaders.Open(path);

        Assert.IsType(expected, reader);
        Assert.Equal(path, reader.SourceName);
    }

    [Fact]
    public void Open_ReadsGzipAndParquetByExtension()
    {
        var gz = _folder.File("b.csv.gz");
        var parquet = _folder.File("b.parquet");
        new CsvMessageWriter(gz).Dispose();
        new ParquetMessageWriter(parquet).Dispose();

        using var csv = MessageReaders.Open(gz);
        using var table = MessageReaders.Open(parquet);

        Assert.IsType<CsvMessageReader>(csv);
        Assert.IsType<ParquetMessageReader>(table);
    }

    [Fact]
    public void Open_MissingFile_Throws()
    {
        var error = Assert.Throws<InputException>(() => MessageReaders.Open(_folder.File("none.csv"))).Error;

        Assert.Equal("an existing file", error.Expected);
    }

    [Fact]
    public void Open_UnknownExtension_Throws()
    {
        var path = _folder.Write("a.txt", "x");

        var error = Assert.Throws<InputException>(() => MessageReaders.Open(path)).Error;

        Assert.Equal("a.txt", error.Found);
    }

    [Fact]
    public void SourceName_FromOptions_IsUsedInErrorsAndIds()
    {
        var path = _folder.Write("a.jsonl", "{\"event\":\"x\",\"userId\":\"u\",\"timestamp\":\"bad\"}\n");

        var result = ReadResult.Of(path, new ReaderOptions { SourceName = "upload-42.jsonl" });

        Assert.Equal("upload-42.jsonl", result.SingleError().Location.Source);
    }
}
