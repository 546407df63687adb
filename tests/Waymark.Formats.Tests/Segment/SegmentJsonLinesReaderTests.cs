using Waymark.Core.Ingest;
using Waymark.Core.Model;
using Waymark.Formats.Segment;

namespace Waymark.Formats.Tests.Segment;

public sealed class SegmentJsonLinesReaderTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private ReadResult Read(string text, string name = "in.jsonl") => ReadResult.Of(_folder.Write(name, text));

    [Fact]
    public void Track_MapsEveryField()
    {
        var result = Read("""
            {"type":"track","messageId":"m1","timestamp":"2024-03-05T15:30:15.123456+01:00","userId":"u1","anonymousId":"a1","event":"report_viewed","properties":{"plan": "pro", "seats": 3},"context":{"groupId":"acc1","channel":"web","source":"app","actor":"customer","ip":"1.2.3.4"},"value":9.5,"sentiment":0.5}
            """);

        var e = Assert.Single(result.Events);
        Assert.Empty(result.Errors);
        Assert.Equal("m1", e.MessageId);
        Assert.Equal(new DateTime(2024, 3, 5, 14, 30, 15, 123, DateTimeKind.Utc), e.Timestamp);
        Assert.Equal(DateTimeKind.Utc, e.Timestamp.Kind);
        Assert.Equal("u1", e.PersonId);
        Assert.Equal("a1", e.AnonymousId);
        Assert.Equal("acc1", e.AccountId);
        Assert.Equal("report_viewed", e.Name);
        Assert.Equal("web", e.Channel);
        Assert.Equal("app", e.Source);
        Assert.Equal(Actor.Customer, e.Actor);
        Assert.Equal("""{"plan":"pro","seats":3}""", e.Properties.Json);
        Assert.Equal(9.5, e.Value);
        Assert.Equal(0.5, e.Sentiment);
    }

    [Fact]
    public void TopLevelExtensions_WinOverContext()
    {
        var result = Read("""
            {"event":"x","userId":"u","timestamp":1700000000000,"channel":"email","source":"crm","actor":"vendor","context":{"channel":"web","source":"app","actor":"customer"}}
            """);

        var e = Assert.Single(result.Events);
        Assert.Equal("email", e.Channel);
        Assert.Equal("crm", e.Source);
        Assert.Equal(Actor.Vendor, e.Actor);
        Assert.Equal(DateTime.UnixEpoch.AddMilliseconds(1700000000000), e.Timestamp);
    }

    [Fact]
    public void MissingSource_IsTheFileName()
    {
        var e = Assert.Single(Read("""{"event":"x","userId":"u","timestamp":"2024-01-01"}""", "events.ndjson").Events);

        Assert.Equal("events.ndjson", e.Source);
        Assert.Equal(Actor.Unknown, e.Actor);
        Assert.Same(Properties.Empty, e.Properties);
        Assert.Null(e.Value);
    }

    [Theory]
    [InlineData("""{"originalTimestamp":"2024-01-02T00:00:00Z","sentAt":"2024-01-03T00:00:00Z","receivedAt":"2024-01-04T00:00:00Z"}""", 2)]
    [InlineData("""{"receivedAt":"2024-01-04T00:00:00Z","sentAt":"2024-01-03T00:00:00Z"}""", 3)]
    [InlineData("""{"receivedAt":"2024-01-04T00:00:00Z"}""", 4)]
    [InlineData("""{"receivedAt":"2024-01-04T00:00:00Z","timestamp":"2024-01-01 00:00:00"}""", 1)]
    public void Timestamp_FallsBackInOrder(string times, int day)
    {
        var line = times.TrimEnd('}') + ""","event":"x","userId":"u"}""";

        var e = Assert.Single(Read(line).Events);

        Assert.Equal(new DateTime(2024, 1, day, 0, 0, 0, DateTimeKind.Utc), e.Timestamp);
    }

    [Theory]
    [InlineData("""{"value":5,"revenue":7}""", "", 5.0)]
    [InlineData("""{"revenue":7}""", "", null)]
    [InlineData("""{"value":"5"}""", "", null)]
    [InlineData("""{"value":5}""", ""","value":null""", null)]
    [InlineData("""{"value":5}""", ""","value":2""", 2.0)]
    public void Value_ComesFromTopLevelOrNumericPropertyValue(string properties, string topLevel, double? expected)
    {
        var line = $$"""{"event":"x","userId":"u","timestamp":"2024-01-01","properties":{{properties}}{{topLevel}}}""";

        var e = Assert.Single(Read(line).Events);

        Assert.Equal(expected, e.Value);
        Assert.Equal(properties, e.Properties.Json);
    }

    [Fact]
    public void ProfileMessages_AreRead()
    {
        var result = Read("""
            {"type":"identify","messageId":"i1","timestamp":"2024-01-01T00:00:00Z","userId":"u1","anonymousId":"a1","traits":{"email":"x@y.z"}}
            {"type":"group","messageId":"g1","timestamp":"2024-01-01T00:00:00Z","userId":"u1","groupId":"acc","traits":{"name":"Acme"},"context":{"role":["champion","end-user"]}}
            {"type":"group","messageId":"g2","timestamp":"2024-01-01T00:00:00Z","anonymousId":"a1","groupId":"acc","context":{"role":"decision-maker"}}
            {"type":"alias","messageId":"al1","timestamp":"2024-01-01T00:00:00Z","previousId":"a1","userId":"u1"}
            """);

        Assert.Empty(result.Errors);
        Assert.Empty(result.Events);
        var time = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        Some.EqualProfiles(
        [
            new IdentifyMessage { MessageId = "i1", Timestamp = time, PersonId = "u1", AnonymousId = "a1", Traits = Properties.Parse("""{"email":"x@y.z"}""") },
            new GroupMessage { MessageId = "g1", Timestamp = time, PersonId = "u1", AccountId = "acc", Traits = Properties.Parse("""{"name":"Acme"}"""), Roles = ["champion", "end-user"] },
            new GroupMessage { MessageId = "g2", Timestamp = time, AnonymousId = "a1", AccountId = "acc", Roles = ["decision-maker"] },
            new AliasMessage { MessageId = "al1", Timestamp = time, PreviousId = "a1", PersonId = "u1" },
        ], result.Profiles);
    }

    [Fact]
    public void PageAndScreen_BecomeViewedEventsWithNameAndCategory()
    {
        var result = Read("""
            {"type":"page","userId":"u","timestamp":"2024-01-01","name":"Pricing","category":"Docs","properties":{"url":"https://x/p","name":"old"}}
            {"type":"screen","userId":"u","timestamp":"2024-01-01","name":"Home"}
            {"type":"page","userId":"u","timestamp":"2024-01-01"}
            """);

        Assert.Empty(result.Errors);
        Assert.Equal(["page_viewed", "screen_viewed", "page_viewed"], result.Events.Select(e => e.Name));
        Assert.Equal("""{"url":"https://x/p","name":"Pricing","category":"Docs"}""", result.Events[0].Properties.Json);
        Assert.Equal("""{"name":"Home"}""", result.Events[1].Properties.Json);
        Assert.True(result.Events[2].Properties.IsEmpty);
    }

    [Fact]
    public void PropertiesWithWhitespaceAndEscapes_AreCompactedNotRewritten()
    {
        var line = "{\"event\":\"x\",\"userId\":\"u\",\"timestamp\":\"2024-01-01\",\"properties\": { \"a b\" : \"c \\\" d\\u00e9\" , \"n\" : [ 1 , 2 ] } }";

        var e = Assert.Single(Read(line).Events);

        Assert.Equal("{\"a b\":\"c \\\" d\\u00e9\",\"n\":[1,2]}", e.Properties.Json);
    }

    [Fact]
    public void MissingMessageId_IsDerivedStablyAndIndependentOfFolder()
    {
        const string text = "{\"event\":\"x\",\"userId\":\"u\",\"timestamp\":\"2024-01-01\"}\n{\"event\":\"x\",\"userId\":\"u\",\"timestamp\":\"2024-01-01\"}\n";
        var first = Read(text, "a/events.jsonl");
        var again = Read(text, "a/events.jsonl");
        var copied = Read(text, "b/events.jsonl");

        var line = "{\"event\":\"x\",\"userId\":\"u\",\"timestamp\":\"2024-01-01\"}"u8.ToArray();
        Assert.Equal(MessageIds.Derive("events.jsonl", 1, line), first.Events[0].MessageId);
        Assert.Equal(MessageIds.Derive("events.jsonl", 2, line), first.Events[1].MessageId);
        Assert.NotEqual(first.Events[0].MessageId, first.Events[1].MessageId);
        Assert.Equal(first.Events.Select(e => e.MessageId), again.Events.Select(e => e.MessageId));
        Assert.Equal(first.Events.Select(e => e.MessageId), copied.Events.Select(e => e.MessageId));
    }

    [Fact]
    public void BlankLinesCrlfAndBom_AreHandledWithTrueLineNumbers()
    {
        var text = "\uFEFF{\"event\":\"a\",\"userId\":\"u\",\"timestamp\":\"2024-01-01\"}\r\n\r\n   \n{\"event\":\"b\",\"userId\":\"u\",\"timestamp\":\"later\"}\r\n{\"event\":\"c\",\"userId\":\"u\",\"timestamp\":\"2024-01-01\"}";

        var result = Read(text);

        Assert.Equal(["a", "c"], result.Events.Select(e => e.Name));
        var error = result.SingleError();
        Assert.Equal(4, error.Location.Line);
    }

    [Fact]
    public void NumericIdsAndEscapedNames_AreTakenAsWritten()
    {
        var result = Read("""
            {"\u0065vent":"x","userId":12345,"anonymousId":"","messageId":"m\u00e9","timestamp":"2024-01-01","properties":null,"context":{"groupId":77}}
            """);

        var e = Assert.Single(result.Events);
        Assert.Equal(("x", "12345", null, "mé", "77"), (e.Name, e.PersonId, e.AnonymousId, e.MessageId, e.AccountId));
        Assert.True(e.Properties.IsEmpty);
    }

    [Fact]
    public void ManyLines_AreSplitIntoBatchesOfTheAskedSize()
    {
        var line = "{\"event\":\"x\",\"userId\":\"u\",\"timestamp\":\"2024-01-01\"}\n";
        using var reader = new SegmentJsonLinesReader(_folder.Write("many.jsonl", string.Concat(Enumerable.Repeat(line, 2500))));

        var result = ReadResult.Of(reader, batchSize: 1000);

        Assert.Equal(2500, result.Events.Count);
        Assert.Equal(3, result.Batches);
        Assert.Equal(reader.Length, reader.Position);
    }
}
