using System.Text;
using Waymark.Core.Errors;

namespace Waymark.Formats.Tests.Csv;

public sealed class CsvMessageReaderErrorTests : IDisposable
{
    private const string Header = "user_id,timestamp,event,note\n";
    private const string Good = "u,2024-01-01,ok,n\n";

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    // The bad row starts on line 3, between good rows, which must all be read.
    private RecordError ErrorOf(string badRow, int goodAfter = 1)
    {
        var path = _folder.Write("bad.csv", Header + Good + badRow + string.Concat(Enumerable.Repeat(Good, goodAfter)));
        var result = ReadResult.Of(path);
        Assert.Equal(1 + goodAfter, result.Events.Count);
        var error = result.SingleError();
        Assert.Equal(path, error.Location.Source);
        Assert.Equal(3, error.Location.Line);
        return error;
    }

    [Fact]
    public void WrongFieldCount_IsRejected()
    {
        var error = ErrorOf("u,2024-01-01,x\n");

        Assert.Equal("4 fields, as in the header", error.Expected);
        Assert.Equal("3 fields", error.Found);
    }

    [Fact]
    public void BadTime_IsLocatedAtItsCell()
    {
        var error = ErrorOf("u,yesterday,x,n\n");

        Assert.Equal(3, error.Location.Column);
        Assert.EndsWith(":3:3: expected an ISO 8601 time or Unix milliseconds in column \"timestamp\"; found \"yesterday\"", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyEventName_IsRejected()
    {
        var error = ErrorOf("u,2024-01-01,,n\n");

        Assert.Equal("an event name in column \"event\"", error.Expected);
        Assert.Equal("an empty cell", error.Found);
        Assert.Equal(14, error.Location.Column);
    }

    [Fact]
    public void NoPerson_IsRejected()
    {
        var error = ErrorOf(",2024-01-01,x,n\n");

        Assert.Equal("a person id in column \"user_id\"", error.Expected);
    }

    [Fact]
    public void StrayCharacterAfterClosingQuote_IsRejected()
    {
        var error = ErrorOf("u,2024-01-01,\"x\"y,n\n");

        Assert.Equal(17, error.Location.Column);
        Assert.Equal("a delimiter or the end of the row after a closing quote", error.Expected);
    }

    [Fact]
    public void StrayCharacterAfterClosingQuote_OfAFieldWithDoubledQuotes_IsRejected()
    {
        var error = ErrorOf("u,2024-01-01,\"a\"\"b\"y,n\n");

        Assert.Equal(20, error.Location.Column);
        Assert.Equal("a delimiter or the end of the row after a closing quote", error.Expected);
    }

    [Fact]
    public void UnterminatedQuote_WithDoubledQuotesInside_IsRejectedAtTheFieldThatOpensIt()
    {
        var path = _folder.Write("open2.csv", Header + Good + "u,2024-01-01,x,\"never \"\"closed\nu,2024-01-01,x,n\n");

        var error = ReadResult.Of(path).SingleError();

        Assert.Equal((3L, 16L), (error.Location.Line, error.Location.Column));
        Assert.Equal("a closing quote for the field that starts here", error.Expected);
    }

    [Fact]
    public void BadJsonProperties_IsRejected()
    {
        var path = _folder.Write("json.csv", "user_id,timestamp,event,properties\nu,2024-01-01,x,{}\nu,2024-01-01,x,\"{\"\"a\"\":1,\"\"a\"\":2}\"\nu,2024-01-01,x,[1]\n");

        var result = ReadResult.Of(path);

        Assert.Single(result.Events);
        Assert.Equal(2, result.Errors.Count);
        Assert.Equal(3, result.Errors[0].Location.Line);
        Assert.Equal("the key \"a\" twice", result.Errors[0].Found);
        Assert.Equal("not a JSON object", result.Errors[1].Found);
    }

    [Fact]
    public void RowSpanningLines_ReportsTheLineItStartsOn()
    {
        var path = _folder.Write("span.csv", Header + "u,2024-01-01,x,\"a\nb\nc\"\nu,never,x,n\n" + Good);

        var result = ReadResult.Of(path);

        Assert.Equal(2, result.Events.Count);
        Assert.Equal(5, result.SingleError().Location.Line);
    }

    [Fact]
    public void UnterminatedQuote_IsRejectedAtTheFieldThatOpensIt()
    {
        var path = _folder.Write("open.csv", Header + Good + "u,2024-01-01,x,\"never closed\nu,2024-01-01,x,n\n");

        var result = ReadResult.Of(path);

        Assert.Single(result.Events);
        var error = result.SingleError();
        Assert.Equal((3L, 16L), (error.Location.Line, error.Location.Column));
        Assert.Equal("a closing quote for the field that starts here", error.Expected);
        Assert.Equal("the end of the file", error.Found);
    }

    [Fact]
    public void InvalidUtf8_IsLocated()
    {
        var bytes = Encoding.UTF8.GetBytes(Header + Good + "u,2024-01-01,x,caf").Concat(new byte[] { 0xFF }).Concat(Encoding.UTF8.GetBytes("\n" + Good)).ToArray();
        var path = _folder.Write("utf.csv", bytes);

        var error = ReadResult.Of(path).SingleError();

        Assert.Equal((3L, 19L), (error.Location.Line, error.Location.Column));
        Assert.Equal("an invalid UTF-8 byte 0xFF", error.Found);
    }

    [Fact]
    public void RowOverTheLimit_IsSkipped()
    {
        var path = _folder.Write("long.csv", Header + Good + "u,2024-01-01,x,\"" + new string('z', 5000) + "\n,\"\n" + Good);

        var result = ReadResult.Of(path, new ReaderOptions { MaxRecordBytes = 1000 });

        Assert.Equal(2, result.Events.Count);
        var error = result.SingleError();
        Assert.Equal(3, error.Location.Line);
        Assert.Equal("a row of 5019 bytes", error.Found);
        Assert.Equal("a row of at most 1000 bytes", error.Expected);
        Assert.Equal(["ok", "ok"], result.Events.Select(e => e.Name));
    }

    [Fact]
    public void DerivedIds_AreStableAndIndependentOfFolder()
    {
        var text = Header + Good + Good;
        var a = ReadResult.Of(_folder.Write("x/events.csv", text));
        var b = ReadResult.Of(_folder.Write("y/events.csv", text));
        var again = ReadResult.Of(_folder.File("x/events.csv"));

        Assert.Equal(a.Events.Select(e => e.MessageId), b.Events.Select(e => e.MessageId));
        Assert.Equal(a.Events.Select(e => e.MessageId), again.Events.Select(e => e.MessageId));
        Assert.NotEqual(a.Events[0].MessageId, a.Events[1].MessageId);
        Assert.Equal(Core.Ingest.MessageIds.Derive("events.csv", 3, "u,2024-01-01,ok,n"u8), a.Events[1].MessageId);
    }

    [Fact]
    public void TruncatedGzip_IsFatalAfterTheRowsBeforeIt()
    {
        var full = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(full, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        using (var text = new StreamWriter(gzip))
        {
            text.Write(Header);
            for (var i = 0; i < 100_000; i++)
            {
                text.Write($"u{i % 13},{1700000000000 + i},e{i},n\n");
            }
        }

        var bytes = full.ToArray();
        var path = _folder.Write("cut.csv.gz", bytes[..(bytes.Length / 2)]);

        var result = ReadResult.Of(path);

        Assert.InRange(result.Events.Count, 1000, 99_999);
        Assert.Equal($"e{result.Events.Count - 1}", result.Events[^1].Name);
        var error = result.SingleError();
        Assert.True(error.Fatal);
        Assert.Equal(result.Events.Count + 2, error.Location.Line);
        Assert.Contains("the gzip stream is truncated", error.Found, StringComparison.Ordinal);
    }
}
