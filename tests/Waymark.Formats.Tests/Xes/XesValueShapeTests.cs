using Waymark.Formats.Xes;

namespace Waymark.Formats.Tests.Xes;

public sealed class XesValueShapeTests
{
    private static System.Text.Json.JsonElement PropertiesOf(string eventAttributes, string traceAttributes = "")
    {
        var text = "<log><trace><string key=\"concept:name\" value=\"c\"/>" + traceAttributes
            + XesSyntheticLogs.Event("a", "2024-01-01T00:00:00Z", eventAttributes) + "</trace></log>";
        var result = XesTestFiles.ReadAll(XesTestFiles.Write(text));
        Assert.Empty(result.Errors);
        return System.Text.Json.JsonDocument.Parse(Assert.Single(result.Events).Properties.Json).RootElement;
    }

    [Fact]
    public void ListItemsWithoutValuesElement_AndEmptyList_BecomeArrays()
    {
        var p = PropertiesOf("<list key=\"direct\"><float key=\"x\" value=\"0.5\"/><boolean key=\"y\" value=\"1\"/></list><list key=\"none\"/>"
            + "<list key=\"nested\"><values><list key=\"inner\"><values><int key=\"i\" value=\"7\"/></values></list></values></list>");

        Assert.Equal("[0.5,true]", p.GetProperty("direct").GetRawText());
        Assert.Equal("[]", p.GetProperty("none").GetRawText());
        Assert.Equal("[[7]]", p.GetProperty("nested").GetRawText());
    }

    [Fact]
    public void NonFiniteFloats_BecomeStrings()
    {
        var p = PropertiesOf("<float key=\"up\" value=\"INF\"/><float key=\"down\" value=\"-INF\"/><float key=\"nan\" value=\"NaN\"/><float key=\"e\" value=\"2.3832541524E7\"/>");

        Assert.Equal("Infinity", p.GetProperty("up").GetString());
        Assert.Equal("-Infinity", p.GetProperty("down").GetString());
        Assert.Equal("NaN", p.GetProperty("nan").GetString());
        Assert.Equal(23832541.524, p.GetProperty("e").GetDouble());
    }

    [Fact]
    public void TraceListAndContainer_AreCopiedAsCaseProperties()
    {
        var p = PropertiesOf("", "<list key=\"tags\"><values><string key=\"t\" value=\"vip\"/></values></list><container key=\"owner\"><string key=\"name\" value=\"Bo\"/></container>");

        Assert.Equal("""["vip"]""", p.GetProperty("case:tags").GetRawText());
        Assert.Equal("""{"name":"Bo"}""", p.GetProperty("case:owner").GetRawText());
    }

    [Fact]
    public void PlainFile_PositionEndsAtLength()
    {
        var path = XesTestFiles.Log("running-example.xes");
        using var reader = new XesReader(path);

        XesTestFiles.Drain(reader);

        Assert.Equal(new FileInfo(path).Length, reader.Length);
        Assert.Equal(reader.Length, reader.Position);
    }
}
