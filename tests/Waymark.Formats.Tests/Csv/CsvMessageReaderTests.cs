using System.Globalization;
using Waymark.Core.Errors;
using Waymark.Core.Ingest;
using Waymark.Core.Model;
using Waymark.Formats.Csv;

using Waymark.Tests;

namespace Waymark.Formats.Tests.Csv;

public sealed class CsvMessageReaderTests : IDisposable
{
    private static readonly string RunningExample = SharedData.EventLog("running-example.csv");
    private static readonly string Broken = SharedData.EventLog("conformance/running_example_broken.csv");

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private ReadResult Read(string text, string name = "in.csv", ReaderOptions? options = null) =>
        ReadResult.Of(_folder.Write(name, text), options);

    [Fact]
    public void RunningExample_ReadsWithDefaultMapping()
    {
        var result = ReadResult.Of(RunningExample);

        Assert.Empty(result.Errors);
        Assert.Equal(42, result.Events.Count);
        Assert.Equal(6, result.Events.Select(e => e.PersonId).Distinct().Count());
        Assert.Equal(8, result.Events.Select(e => e.Name).Distinct().Count());
        var lines = File.ReadAllLines(RunningExample);
        Assert.Equal(TimeInLine(lines[1]), result.Events[0].Timestamp);
        Assert.Equal(TimeInLine(lines[^1]), result.Events[^1].Timestamp);
        Assert.Equal(new DateTime(2010, 12, 30, 13, 32, 0, DateTimeKind.Utc), result.Events[0].Timestamp);
        var first = result.Events[0];
        Assert.Equal("3", first.PersonId);
        Assert.Equal("register request", first.Name);
        Assert.Equal("running-example.csv", first.Source);
        Assert.Equal(
            """{"org:resource":"Pete","Activity":"register request","Resource":"Pete","Costs":50,"case:creator":"Fluxicon Nitro"}""",
            first.Properties.Json);
        Assert.Equal(MessageIds.Derive(RunningExample, 2, System.Text.Encoding.UTF8.GetBytes(lines[1])), first.MessageId);
    }

    private static DateTime TimeInLine(string line) =>
        DateTimeOffset.Parse(line.Split(',')[3], CultureInfo.InvariantCulture).UtcDateTime;

    [Fact]
    public void SemicolonFile_IsDetected()
    {
        using var reader = new CsvMessageReader(Broken);
        var result = ReadResult.Of(reader);

        Assert.Equal(';', reader.Delimiter);
        Assert.Empty(result.Errors);
        Assert.Equal(File.ReadAllLines(Broken).Count(l => l.Length > 0) - 1, result.Events.Count);
        Assert.Equal("register request", result.Events[0].Name);
        Assert.Equal("3", result.Events[0].PersonId);
        Assert.Equal("""{"costs":50,"Resource":"Pete","org:resource":"Pete"}""", result.Events[0].Properties.Json);
    }

    [Fact]
    public void QuotedFields_HoldDelimitersQuotesAndLineBreaks()
    {
        var result = Read("\uFEFFuser_id,timestamp,event,note\r\nu1,2024-01-01T00:00:00Z,\"a, \"\"b\"\"\",\"line1\r\nline2\"\r\nu2,2024-01-02,x,\"\"\r\n");

        Assert.Empty(result.Errors);
        Assert.Equal(2, result.Events.Count);
        Assert.Equal("a, \"b\"", result.Events[0].Name);
        Assert.Equal("{\"note\":\"line1\\r\\nline2\"}", result.Events[0].Properties.Json);
        Assert.True(result.Events[1].Properties.IsEmpty);
    }

    [Fact]
    public void CellTypes_AreInferredOnlyWhenTheyRoundTrip()
    {
        var result = Read("user_id,timestamp,event,a,b,c,d,e,f,g,h,i,j,k\nu,2024-01-01,x,42,-7,007,1.5,1e3,1.50,true,TRUE,,+1,0.1\n");

        Assert.Equal("""{"a":42,"b":-7,"c":"007","d":1.5,"e":"1e3","f":"1.50","g":true,"h":"TRUE","j":"+1","k":0.1}""",
            Assert.Single(result.Events).Properties.Json);
    }

    [Fact]
    public void WellKnownColumns_MapToEventFields()
    {
        var result = Read("""
            ,type,message_id,user_id,anonymous_id,account_id,timestamp,event,channel,source,actor,value,sentiment,properties,plan
            0,track,m1,u1,a1,acc,2024-01-01T10:00:00+02:00,signup,web,crm,partner,12.5,-0.5,"{""plan"":""free"",""n"":1}",pro
            1,,m2,,a2,,1704067200000,visit,,,,,,,
            """);

        Assert.Empty(result.Errors);
        var e = result.Events[0];
        Assert.Equal("m1", e.MessageId);
        Assert.Equal("u1", e.PersonId);
        Assert.Equal("a1", e.AnonymousId);
        Assert.Equal("acc", e.AccountId);
        Assert.Equal(new DateTime(2024, 1, 1, 8, 0, 0, DateTimeKind.Utc), e.Timestamp);
        Assert.Equal("signup", e.Name);
        Assert.Equal("web", e.Channel);
        Assert.Equal("crm", e.Source);
        Assert.Equal(Actor.Partner, e.Actor);
        Assert.Equal(12.5, e.Value);
        Assert.Equal(-0.5, e.Sentiment);
        Assert.Equal("""{"n":1,"plan":"pro"}""", e.Properties.Json);
        var f = result.Events[1];
        Assert.Null(f.PersonId);
        Assert.Equal("a2", f.AnonymousId);
        Assert.Equal(new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc), f.Timestamp);
        Assert.Equal("in.csv", f.Source);
        Assert.True(f.Properties.IsEmpty);
    }

    [Fact]
    public void ProfileRows_AreRead()
    {
        var result = Read("""
            type,user_id,anonymous_id,account_id,timestamp,event,traits,roles,previous_id,message_id
            identify,u1,a1,,2024-01-01,,"{""email"":""x@y.z""}",,,i1
            group,u1,,acc,2024-01-01,,"{""name"":""Acme""}",champion; end-user,,g1
            group,u1,,acc,2024-01-01,,,"[""decision-maker""]",,g2
            alias,u1,,,2024-01-01,,,,a1,al1
            """);

        Assert.Empty(result.Errors);
        var time = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        Some.EqualProfiles(
        [
            new IdentifyMessage { MessageId = "i1", Timestamp = time, PersonId = "u1", AnonymousId = "a1", Traits = Properties.Parse("""{"email":"x@y.z"}""") },
            new GroupMessage { MessageId = "g1", Timestamp = time, PersonId = "u1", AccountId = "acc", Traits = Properties.Parse("""{"name":"Acme"}"""), Roles = ["champion", "end-user"] },
            new GroupMessage { MessageId = "g2", Timestamp = time, PersonId = "u1", AccountId = "acc", Roles = ["decision-maker"] },
            new AliasMessage { MessageId = "al1", Timestamp = time, PreviousId = "a1", PersonId = "u1" },
        ], result.Profiles);
    }

    [Fact]
    public void Mapping_ChoosesColumnsAndDelimiter()
    {
        var options = new ReaderOptions
        {
            Table = new TableMapping { Person = "Who", Time = "When", Event = "What", Account = "Org", MessageId = "Key", Delimiter = '|' },
        };

        var result = Read("Who|When|What|Org|Key|user_id\np|2024-01-01|x|o|k1|ignored-as-property\n", options: options);

        var e = Assert.Single(result.Events);
        Assert.Equal(("p", "x", "o", "k1"), (e.PersonId, e.Name, e.AccountId, e.MessageId));
        Assert.Equal("""{"user_id":"ignored-as-property"}""", e.Properties.Json);
    }

    [Fact]
    public void TsvAndGzip_AreRead()
    {
        var tsv = Read("user_id\ttimestamp\tevent\nu\t2024-01-01\ta,b\n", "in.tsv");
        var gz = _folder.File("in.csv.gz");
        using (var writer = new CsvMessageWriter(gz))
        {
            var batch = new MessageBatch();
            batch.Events.Add(Some.Event());
            writer.Write(batch);
        }

        Assert.Equal("a,b", Assert.Single(tsv.Events).Name);
        Assert.Equal(Some.Event(), Assert.Single(ReadResult.Of(gz).Events));
    }

    [Theory]
    [InlineData("who,timestamp,event\n", "person", "--person", "the columns who, timestamp, event")]
    [InlineData("user_id,when,event\n", "time", "--time", "the columns user_id, when, event")]
    [InlineData(",user_id,timestamp,activity_name\n", "event", "--event", "the columns \"\", user_id, timestamp, activity_name")]
    public void MissingColumn_ThrowsWithTheColumnsAndTheOption(string header, string role, string option, string found)
    {
        var path = _folder.Write("cols.csv", header + "1,2,3\n");

        var error = Assert.Throws<InputException>(() => MessageReaders.Open(path)).Error;

        Assert.Equal(new SourceLocation(path, 1), error.Location);
        Assert.StartsWith($"a {role} column: one named ", error.Expected, StringComparison.Ordinal);
        Assert.Contains(option, error.Expected, StringComparison.Ordinal);
        Assert.Equal(found, error.Found);
        Assert.True(error.Fatal);
    }

    [Fact]
    public void MappedColumnMissing_NamesIt()
    {
        var path = _folder.Write("cols.csv", "user_id,timestamp,event\n");

        var error = Assert.Throws<InputException>(() => MessageReaders.Open(path,
            new ReaderOptions { Table = new TableMapping { Time = "ts" } })).Error;

        Assert.Equal("a time column named \"ts\" (as --time says)", error.Expected);
    }

    [Fact]
    public void EmptyFile_Throws()
    {
        var path = _folder.Write("empty.csv", "");

        var error = Assert.Throws<InputException>(() => new CsvMessageReader(path)).Error;

        Assert.Equal("file is empty; expected a header row naming the columns", error.Expected);
    }
}
