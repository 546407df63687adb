using System.Text.Json;
using Waymark.Core.Model;
using Waymark.Formats.Xes;

namespace Waymark.Formats.Tests.Xes;

public sealed class XesReaderTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void EveryAttributeType_KeepsItsType(bool withNamespace)
    {
        var result = XesTestFiles.ReadAll(XesTestFiles.Write(XesSyntheticLogs.EveryType(withNamespace)));

        Assert.Empty(result.Errors);
        var signup = result.Events[0];
        Assert.Equal("signup+complete", signup.Name);
        Assert.Equal("case-1", signup.PersonId);
        Assert.Equal(new DateTime(2024, 3, 1, 8, 0, 0, 123, DateTimeKind.Utc), signup.Timestamp);
        Assert.Null(signup.Channel);
        Assert.Equal(Actor.Unknown, signup.Actor);
        using var document = signup.Properties.ToDocument();
        var p = document.RootElement;
        Assert.Equal("Web", p.GetProperty("case:channel").GetString());
        Assert.Equal(3, p.GetProperty("case:priority").GetInt64());
        Assert.False(p.TryGetProperty("case:region", out _));
        Assert.Equal("signup", p.GetProperty("concept:name").GetString());
        Assert.Equal("Ann", p.GetProperty("org:resource").GetString());
        Assert.Equal("a1b2", p.GetProperty("ticket").GetString());
        Assert.Equal(-12, p.GetProperty("seats").GetInt64());
        Assert.Equal(12.5, p.GetProperty("amount").GetDouble());
        Assert.Equal(JsonValueKind.True, p.GetProperty("trial").ValueKind);
        Assert.Equal("2025-03-01T00:00:00.000Z", p.GetProperty("renewal").GetString());
        Assert.Equal("""["a",2]""", p.GetProperty("tags").GetRawText());
        Assert.Equal("""{"value":"pro","seats":5,"tier":{"value":"gold","legacy":false}}""", p.GetProperty("plan").GetRawText());
        Assert.Equal("""{"city":"Oslo"}""", p.GetProperty("address").GetRawText());
        Assert.False(p.TryGetProperty("time:timestamp", out _));
        Assert.False(p.TryGetProperty("lifecycle:transition", out _));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void EventGlobal_DefaultsOnlyMissingClassifierKeys(bool withNamespace)
    {
        var result = XesTestFiles.ReadAll(XesTestFiles.Write(XesSyntheticLogs.EveryType(withNamespace)));

        Assert.Equal(["signup+complete", "upgrade+start", "call+complete"], result.Events.Select(e => e.Name));
    }

    [Fact]
    public void TraceWithoutName_GetsDerivedCaseId()
    {
        var result = XesTestFiles.ReadAll(XesTestFiles.Write(XesSyntheticLogs.EveryType(true)));

        Assert.Equal("trace-2", result.Events[2].PersonId);
        using var document = result.Events[2].Properties.ToDocument();
        Assert.Equal("Desk", document.RootElement.GetProperty("case:channel").GetString());
    }

    [Fact]
    public void EachTrace_EmitsOneIdentifyWithItsTraitsAtItsEarliestEvent()
    {
        var result = XesTestFiles.ReadAll(XesTestFiles.Write(XesSyntheticLogs.EveryType(false)));

        var identifies = result.Profiles.Cast<IdentifyMessage>().ToList();
        Assert.Equal(["case-1", "trace-2"], identifies.Select(i => i.PersonId));
        Assert.Equal("""{"channel":"Web","priority":3}""", identifies[0].Traits.Json);
        Assert.Equal(new DateTime(2024, 3, 1, 8, 0, 0, 123, DateTimeKind.Utc), identifies[0].Timestamp);
        Assert.Equal("""{"channel":"Desk"}""", identifies[1].Traits.Json);
        Assert.Equal(new DateTime(2024, 2, 1, 0, 0, 0, DateTimeKind.Utc), identifies[1].Timestamp);
    }

    [Fact]
    public void EventSourceOption_ReplacesFileName()
    {
        var path = XesTestFiles.Write(XesSyntheticLogs.EveryType(false));

        var plain = XesTestFiles.ReadAll(path);
        var named = XesTestFiles.ReadAll(path, new ReaderOptions { EventSource = "crm" });

        Assert.All(plain.Events, e => Assert.Equal(Path.GetFileName(path), e.Source));
        Assert.All(named.Events, e => Assert.Equal("crm", e.Source));
    }

    [Theory]
    [InlineData(null, "a+x")]
    [InlineData("concept:name", "a")]
    [InlineData("By resource", "Ann")]
    [InlineData("org:resource concept:name", "Ann+a")]
    [InlineData("'my key' concept:name", "x+a")]
    public void Classifier_ChoosesTheName(string? classifier, string expected)
    {
        var header = """
              <classifier name="By resource" keys="org:resource"/>
              <classifier name="My activity" keys="concept:name 'my key'"/>

            """;
        var text = XesSyntheticLogs.Log(1, (1, 1, XesSyntheticLogs.Event("a", "2024-01-01T00:00:00Z",
            "      <string key=\"org:resource\" value=\"Ann\"/>\n      <string key=\"my key\" value=\"x\"/>\n")), header);

        var result = XesTestFiles.ReadAll(XesTestFiles.Write(text), new ReaderOptions { XesClassifier = classifier });

        Assert.Equal(expected, result.Events[0].Name);
    }

    [Fact]
    public void ClassifierKeys_SplitOnWhitespaceAndKeepQuotedSpaces()
    {
        Assert.Equal(["a b", "c", "d"], XesClassifier.FromKeys("  'a b'  c\td ").Keys);
        Assert.Equal(["concept:name"], XesClassifier.FromKeys("   ").Keys);
    }

    [Fact]
    public void ClassifierKeyMissingWithoutGlobal_RejectsTheEvent()
    {
        var text = XesSyntheticLogs.Log(2);

        var result = XesTestFiles.ReadAll(XesTestFiles.Write(text), new ReaderOptions { XesClassifier = "concept:name org:resource" });

        Assert.Empty(result.Events);
        Assert.Equal(6, result.Errors.Count);
        var (line, column) = XesSyntheticLogs.After(text, "<event>");
        Assert.Equal(line, result.Errors[0].Location.Line);
        Assert.Equal(column, result.Errors[0].Location.Column);
        Assert.Equal("/log/trace[1]/event[1]", result.Errors[0].Location.Path);
        Assert.Contains("'org:resource'", result.Errors[0].Expected, StringComparison.Ordinal);
    }

    [Fact]
    public void EventIds_AreDistinctEvenForIdenticalEvents()
    {
        var same = XesSyntheticLogs.Event("a", "2024-01-01T00:00:00Z");
        var text = $"<log><trace><string key=\"concept:name\" value=\"c\"/>{same}{same}</trace></log>";

        var result = XesTestFiles.ReadAll(XesTestFiles.Write(text));

        Assert.Equal(2, result.Events.Count);
        Assert.NotEqual(result.Events[0].MessageId, result.Events[1].MessageId);
        Assert.Equal(result.Events[0].Properties, result.Events[1].Properties);
    }

    [Fact]
    public void SmallBatches_SplitTheLogWithoutLosingEvents()
    {
        var path = XesTestFiles.Write(XesSyntheticLogs.Log(40));

        var whole = XesTestFiles.ReadAll(path, batchSize: 10_000);
        var small = XesTestFiles.ReadAll(path, batchSize: 7);

        Assert.Equal(120, whole.Events.Count);
        Assert.Equal(whole.Events.Select(e => e.MessageId), small.Events.Select(e => e.MessageId));
        Assert.Equal(40, small.Profiles.Count);
    }

    [Fact]
    public void NestedLogMetaAttributes_DoNotBreakReading()
    {
        var header = """
              <float key="meta_org:resource_events_standard_deviation" value="2.167">
                <float key="Resource14" value="1.004"/>
                <list key="l"><values><string key="x" value="y"/></values></list>
              </float>

            """;

        var result = XesTestFiles.ReadAll(XesTestFiles.Write(XesSyntheticLogs.Log(2, extraHeader: header)));

        Assert.Empty(result.Errors);
        Assert.Equal(6, result.Events.Count);
    }
}
