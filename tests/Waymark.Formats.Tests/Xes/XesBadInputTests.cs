using System.Text;
using System.Xml;
using System.Xml.Linq;
using Waymark.Core.Errors;

namespace Waymark.Formats.Tests.Xes;

public sealed class XesBadInputTests
{
    [Theory]
    [InlineData("<int key=\"x\" value=\"abc\"/>", "'x'", "int", "'abc'")]
    [InlineData("<float key=\"f\" value=\"1,5\"/>", "'f'", "float", "'1,5'")]
    [InlineData("<date key=\"due\" value=\"not a date\"/>", "'due'", "date", "'not a date'")]
    [InlineData("<boolean key=\"b\" value=\"maybe\"/>", "'b'", "boolean", "'maybe'")]
    [InlineData("<string value=\"v\"/>", "key", "string", "none")]
    [InlineData("<int key=\"k\"/>", "value", "int", "none")]
    [InlineData("<string key=\"n\" value=\"x\"><int key=\"deep\" value=\"1.5\"/></string>", "'deep'", "int", "'1.5'")]
    [InlineData("<blob key=\"k\" value=\"v\"/>", "XES attribute", "string", "<blob>")]
    public void WrongAttribute_RejectsOnlyThatEvent(string bad, string namesKey, string namesType, string found)
    {
        var text = XesSyntheticLogs.Log(3, (2, 2, XesSyntheticLogs.Event("bad", "2024-01-02T00:00:00Z", $"      {bad}\n")));
        var badAt = text.IndexOf("value=\"bad\"", StringComparison.Ordinal);
        var (line, column) = XesSyntheticLogs.After(text, bad.Contains("deep", StringComparison.Ordinal) ? "<int key=\"deep\"" : bad, badAt);

        var result = XesTestFiles.ReadAll(XesTestFiles.Write(text));

        var error = Assert.Single(result.Errors);
        Assert.False(error.Fatal);
        Assert.Equal(new SourceLocation(error.Location.Source, line, column, "/log/trace[2]/event[2]"), error.Location);
        Assert.Contains(namesKey, error.Expected, StringComparison.Ordinal);
        if (namesType != "string" || bad.StartsWith("<string", StringComparison.Ordinal))
        {
            Assert.Contains(namesType, error.Expected, StringComparison.Ordinal);
        }

        Assert.Equal(found, error.Found);
        Assert.Equal(8, result.Events.Count);
        Assert.DoesNotContain(result.Events, e => e.Name == "bad");
    }

    [Fact]
    public void MissingTimestamp_RejectsTheEventAtItsStart()
    {
        var text = XesSyntheticLogs.Log(2, (1, 3, "    <event>\n      <string key=\"concept:name\" value=\"untimed\"/>\n    </event>\n"));
        var (line, column) = XesSyntheticLogs.After(text, "<event>\n      <string key=\"concept:name\" value=\"untimed\"/>");

        var result = XesTestFiles.ReadAll(XesTestFiles.Write(text));

        var error = Assert.Single(result.Errors);
        Assert.Equal(new SourceLocation(error.Location.Source, line, column, "/log/trace[1]/event[3]"), error.Location);
        Assert.Contains("time:timestamp", error.Expected, StringComparison.Ordinal);
        Assert.Equal(5, result.Events.Count);
    }

    [Theory]
    [InlineData("date", "yesterday")]
    [InlineData("string", "31/12/2024")]
    public void UnparseableTimestamp_RejectsTheEventAtTheAttribute(string type, string value)
    {
        var bad = $"<{type} key=\"time:timestamp\" value=\"{value}\"/>";
        var text = XesSyntheticLogs.Log(2, (2, 1, $"    <event>\n      <string key=\"concept:name\" value=\"x\"/>\n      {bad}\n    </event>\n"));
        var (line, column) = XesSyntheticLogs.After(text, bad);

        var result = XesTestFiles.ReadAll(XesTestFiles.Write(text));

        var error = Assert.Single(result.Errors);
        Assert.Equal(new SourceLocation(error.Location.Source, line, column, "/log/trace[2]/event[1]"), error.Location);
        Assert.Contains("time:timestamp", error.Expected, StringComparison.Ordinal);
        Assert.Equal($"'{value}'", error.Found);
        Assert.Equal(5, result.Events.Count);
    }

    [Fact]
    public void MalformedXmlMidway_IsFatalAndKeepsEarlierEvents()
    {
        var broken = "    <event>\n      <string key=\"concept:name\" value=\"broken\">\n    </event>\n";
        var text = XesSyntheticLogs.Log(40, (30, 2, broken));
        var expected = Assert.Throws<XmlException>(() => XDocument.Parse(text, LoadOptions.SetLineInfo));

        var result = XesTestFiles.ReadAll(XesTestFiles.Write(text), batchSize: 10);

        var error = Assert.Single(result.Errors);
        Assert.True(error.Fatal);
        Assert.Equal(expected.LineNumber, error.Location.Line);
        Assert.Equal(expected.LinePosition, error.Location.Column);
        Assert.Equal(XesSyntheticLogs.After(text, "</event>", text.IndexOf("broken", StringComparison.Ordinal)).Line, error.Location.Line);
        Assert.Equal("/log/trace[30]/event[2]", error.Location.Path);
        Assert.Equal(29 * 3 + 1, result.Events.Count);
        Assert.Equal("c30", result.Events[^1].PersonId);
    }

    [Fact]
    public void InvalidUtf8InAValue_IsFatalWithLineAndKeepsEarlierEvents()
    {
        var text = XesSyntheticLogs.Log(3, (2, 2, XesSyntheticLogs.Event("BADBYTES", "2024-01-02T00:00:00Z")));
        var bytes = Encoding.UTF8.GetBytes(text);
        var at = text.IndexOf("BADBYTES", StringComparison.Ordinal); // ASCII before it: byte index = char index
        bytes[at] = 0xC3;
        bytes[at + 1] = 0x28; // a lead byte followed by a non-continuation byte
        var line = text.AsSpan(0, at).Count('\n') + 1;

        var result = XesTestFiles.ReadAll(XesTestFiles.WriteBytes(bytes));

        var error = Assert.Single(result.Errors);
        Assert.True(error.Fatal);
        Assert.Equal(line, error.Location.Line);
        Assert.True(error.Location.Column > 0);
        Assert.Equal(["c1", "c1", "c1", "c2"], result.Events.Select(e => e.PersonId));
    }

    [Fact]
    public void TruncatedGzip_IsFatalSaysEndedEarlyAndKeepsAPrefix()
    {
        var text = XesSyntheticLogs.Log(1500);
        var gzip = XesTestFiles.Gzip(text);
        var complete = XesTestFiles.ReadAll(XesTestFiles.WriteBytes(gzip, ".xes.gz"));
        var cut = XesTestFiles.WriteBytes(gzip[..(gzip.Length / 2)], ".xes.gz");

        var result = XesTestFiles.ReadAll(cut);

        Assert.Equal(4500, complete.Events.Count);
        var error = Assert.Single(result.Errors);
        Assert.True(error.Fatal);
        Assert.Equal(cut, error.Location.Source);
        Assert.Contains("ended early", error.Found, StringComparison.Ordinal);
        Assert.Contains($"of {gzip.Length / 2} compressed bytes", error.Found, StringComparison.Ordinal);
        Assert.InRange(result.Events.Count, 1, 4499);
        Assert.Equal(complete.Events.Take(result.Events.Count).Select(e => (e.PersonId, e.Name, e.Timestamp)),
            result.Events.Select(e => (e.PersonId, e.Name, e.Timestamp)));
    }

    [Theory]
    [InlineData(".xes")]
    [InlineData(".xes.gz")]
    public void EmptyFile_IsFatal(string extension)
    {
        var result = XesTestFiles.ReadAll(XesTestFiles.WriteBytes(extension == ".xes" ? [] : XesTestFiles.Gzip(""), extension));

        var error = Assert.Single(result.Errors);
        Assert.True(error.Fatal);
        Assert.Equal("file is empty; expected an XES log", error.Expected);
        Assert.Empty(result.Events);
    }

    [Fact]
    public void RootThatIsNotLog_IsFatal()
    {
        var text = "<?xml version=\"1.0\"?>\n<trace><event/></trace>\n";

        var result = XesTestFiles.ReadAll(XesTestFiles.Write(text));

        var error = Assert.Single(result.Errors);
        Assert.True(error.Fatal);
        Assert.Equal((2, 2), (error.Location.Line, error.Location.Column));
        Assert.Equal("<trace>", error.Found);
        Assert.Contains("<log>", error.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public void EventOverMaxRecordBytes_IsRejectedAndOthersKept()
    {
        var big = "      <string key=\"blob\" value=\"" + new string('x', 5000) + "\"/>\n";
        var text = XesSyntheticLogs.Log(2, (1, 2, XesSyntheticLogs.Event("big", "2024-01-02T00:00:00Z", big + big)));

        var result = XesTestFiles.ReadAll(XesTestFiles.Write(text), new ReaderOptions { MaxRecordBytes = 4000 });

        var error = Assert.Single(result.Errors);
        Assert.Equal("/log/trace[1]/event[2]", error.Location.Path);
        Assert.Equal(5, result.Events.Count);
    }

    [Fact]
    public void BadTraceAttribute_IsReportedAndTheTraceKept()
    {
        var text = "<log>\n<trace>\n<string key=\"concept:name\" value=\"c1\"/>\n<int key=\"size\" value=\"big\"/>\n"
            + XesSyntheticLogs.Event("a", "2024-01-01T00:00:00Z") + "</trace>\n</log>\n";

        var result = XesTestFiles.ReadAll(XesTestFiles.Write(text));

        var error = Assert.Single(result.Errors);
        Assert.Equal(new SourceLocation(error.Location.Source, 4, 2, "/log/trace[1]"), error.Location);
        var only = Assert.Single(result.Events);
        Assert.Equal("{\"concept:name\":\"a\"}", only.Properties.Json);
    }

    [Fact]
    public void MissingFile_ThrowsInputException()
    {
        var error = Assert.Throws<InputException>(() => MessageReaders.Open("/nonexistent/log.xes"));

        Assert.True(error.Error.Fatal);
    }
}
