using System.Text;
using Waymark.Formats.Text;

namespace Waymark.Formats.Tests.Text;

public sealed class RecordSplitterTests
{
    // Hands out at most a few bytes per read, so every record crosses read boundaries.
    private sealed class TrickleStream(byte[] data, int step) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, step));
    }

    private static List<(string Text, long Line, RecordStatus Status)> Split(string text, bool csv, int max = 1000, int step = 3)
    {
        var splitter = new RecordSplitter(new TrickleStream(Encoding.UTF8.GetBytes(text), step), max, csv);
        var records = new List<(string, long, RecordStatus)>();
        while (splitter.Next(out var record) is var status && status != RecordStatus.End)
        {
            records.Add((Encoding.UTF8.GetString(record), splitter.RecordLine, status));
        }

        return records;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    public void CsvQuotes_KeepLineBreaksInsideFieldsAcrossReads(int step)
    {
        var records = Split("a,\"x\ny\",\"q\"\"\n\"\r\nb,\"\"\"\",c\n\nlast", csv: true, step: step);

        Assert.Equal(
        [
            ("a,\"x\ny\",\"q\"\"\n\"", 1L, RecordStatus.Record),
            ("b,\"\"\"\",c", 4L, RecordStatus.Record),
            ("", 5L, RecordStatus.Record),
            ("last", 6L, RecordStatus.Record),
        ], records);
    }

    [Fact]
    public void QuoteInsideUnquotedField_IsAnOrdinaryCharacter()
    {
        var records = Split("a\"b,c\nd,e\n", csv: true);

        Assert.Equal(["a\"b,c", "d,e"], records.Select(r => r.Text));
    }

    [Fact]
    public void JsonLines_IgnoreQuotes()
    {
        var records = Split("{\"a\":\"\n{\"b\":1}\r\n", csv: false);

        Assert.Equal(["{\"a\":\"", "{\"b\":1}"], records.Select(r => r.Text));
    }

    [Fact]
    public void LongRecord_IsSkippedWithItsLengthAndTheNextRecordsRead()
    {
        var records = Split("ok\n" + new string('x', 50) + "\nnext\n" + new string('y', 11), csv: false, max: 10);

        Assert.Equal(
        [
            ("ok", 1L, RecordStatus.Record),
            ("", 2L, RecordStatus.TooLong),
            ("next", 3L, RecordStatus.Record),
            ("", 4L, RecordStatus.TooLong),
        ], records);
    }

    [Fact]
    public void LongCsvRecord_SkipsPastQuotedLineBreaks()
    {
        var splitter = new RecordSplitter(new TrickleStream(Encoding.UTF8.GetBytes("\"" + new string('x', 30) + "\n\n\"\nafter\n"), 4), 10, csv: true);

        Assert.Equal(RecordStatus.TooLong, splitter.Next(out _));
        Assert.Equal(34, splitter.SkippedLength);
        Assert.Equal(RecordStatus.Record, splitter.Next(out var record));
        Assert.Equal("after", Encoding.UTF8.GetString(record));
        Assert.Equal(4, splitter.RecordLine);
    }

    [Fact]
    public void UnclosedQuoteAtTheEnd_IsMarked()
    {
        var splitter = new RecordSplitter(new MemoryStream("a,\"open\nmore"u8.ToArray()), 100, csv: true);

        Assert.Equal(RecordStatus.Record, splitter.Next(out var record));
        Assert.True(splitter.Unterminated);
        Assert.Equal("a,\"open\nmore", Encoding.UTF8.GetString(record));
    }
}
