using System.Globalization;
using System.Text.Json;
using Waymark.Formats.Xes;

namespace Waymark.Formats.Tests.Xes;

public sealed class XesRealLogTests
{
    [Fact]
    public void RunningExample_MatchesTheDom()
    {
        var path = XesTestFiles.Log("running-example.xes");
        var dom = XesTestFiles.Dom(path);
        var traces = dom.Children("trace").ToList();
        var domEvents = traces.SelectMany(t => t.Children("event")).ToList();
        var times = domEvents.Select(e => DateTimeOffset.Parse(e.Attr("time:timestamp")!, CultureInfo.InvariantCulture).UtcDateTime).ToList();

        var result = XesTestFiles.ReadAll(path);

        Assert.Empty(result.Errors);
        Assert.Equal(6, traces.Count);
        Assert.Equal(42, domEvents.Count);
        Assert.Equal(domEvents.Count, result.Events.Count);
        Assert.Equal(6, result.Events.Select(e => e.PersonId).Distinct().Count());
        Assert.Equal(8, result.Events.Select(e => e.Name).Distinct().Count());
        Assert.Equal(times.Min(), result.Events.Min(e => e.Timestamp));
        Assert.Equal(times.Max(), result.Events.Max(e => e.Timestamp));
        // The DOM agrees with SOURCES.md: the earliest event is not the file's first one (13:32 UTC) but 10:02 UTC.
        Assert.Equal(new DateTime(2010, 12, 30, 10, 2, 0, DateTimeKind.Utc), result.Events.Min(e => e.Timestamp));
        Assert.Equal(new DateTime(2011, 1, 24, 13, 56, 0, DateTimeKind.Utc), result.Events.Max(e => e.Timestamp));
    }

    [Fact]
    public void RunningExample_EventsCarryCaseNameResourceAndTypedProperties()
    {
        var path = XesTestFiles.Log("running-example.xes");
        var domFirst = XesTestFiles.Dom(path).Children("trace").First();
        var domEvent = domFirst.Children("event").First();

        var first = XesTestFiles.ReadAll(path).Events[0];

        Assert.Equal(domFirst.Attr("concept:name"), first.PersonId);
        Assert.Equal(domEvent.Attr("Activity"), first.Name);
        Assert.Null(first.Channel);
        Assert.Equal("running-example.xes", first.Source);
        using var properties = first.Properties.ToDocument();
        var root = properties.RootElement;
        Assert.Equal(domEvent.Attr("org:resource"), root.GetProperty("org:resource").GetString());
        Assert.Equal(domEvent.Attr("concept:name"), root.GetProperty("concept:name").GetString());
        Assert.Equal(domFirst.Attr("creator"), root.GetProperty("case:creator").GetString());
        Assert.False(root.TryGetProperty("time:timestamp", out _));
        Assert.False(root.TryGetProperty("case:concept:name", out _));
    }

    [Fact]
    public void Receipt_CountsChannelsAndMilliseconds()
    {
        var path = XesTestFiles.Log("receipt.xes.gz");
        var dom = XesTestFiles.Dom(path);
        var domEvents = dom.Children("trace").SelectMany(t => t.Children("event")).ToList();
        var domTimes = domEvents.Select(e => DateTimeOffset.Parse(e.Attr("time:timestamp")!, CultureInfo.InvariantCulture).UtcDateTime).ToList();

        var result = XesTestFiles.ReadAll(path);

        Assert.Empty(result.Errors);
        Assert.Equal(1434, dom.Children("trace").Count());
        Assert.Equal(8577, result.Events.Count);
        Assert.Equal(1434, result.Events.Select(e => e.PersonId).Distinct().Count());
        Assert.Equal(27, result.Events.Select(e => e.Name).Distinct().Count());
        Assert.Equal(domTimes.Min(), result.Events.Min(e => e.Timestamp));
        Assert.Equal(new DateTime(2010, 10, 2, 7, 20, 39, 266, DateTimeKind.Utc), result.Events.Min(e => e.Timestamp));
        Assert.Equal(new DateTime(2012, 1, 23, 14, 42, 54, 644, DateTimeKind.Utc), result.Events.Max(e => e.Timestamp));
        Assert.Equal(domTimes, result.Events.Select(e => e.Timestamp));

        var channels = result.Profiles.Cast<Core.Model.IdentifyMessage>()
            .Select(p => JsonDocument.Parse(p.Traits.Json).RootElement.GetProperty("channel").GetString()!)
            .GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(1434, result.Profiles.Count);
        Assert.Equal(new Dictionary<string, int> { ["Internet"] = 1250, ["Desk"] = 109, ["Post"] = 53, ["e-mail"] = 21, ["Intern"] = 1 }, channels);
    }

    [Fact]
    public void Receipt_CaseChannelOnEveryEventMatchesTheTrace()
    {
        var path = XesTestFiles.Log("receipt.xes.gz");
        var domChannels = XesTestFiles.Dom(path).Children("trace")
            .ToDictionary(t => t.Attr("concept:name")!, t => t.Attr("channel"));

        var result = XesTestFiles.ReadAll(path);

        Assert.All(result.Events, e =>
        {
            using var properties = e.Properties.ToDocument();
            Assert.Equal(domChannels[e.PersonId!], properties.RootElement.GetProperty("case:channel").GetString());
        });
    }

    [Fact]
    public void Bpic2013_DefaultClassifierJoinsNameAndTransition()
    {
        var path = XesTestFiles.Log("bpic2013_closed.xes.gz");
        var domEvents = XesTestFiles.Dom(path).Children("trace").SelectMany(t => t.Children("event")).ToList();
        var expected = domEvents.Select(e => e.Attr("concept:name") + "+" + e.Attr("lifecycle:transition")).ToList();

        var result = XesTestFiles.ReadAll(path);

        Assert.Empty(result.Errors);
        Assert.Equal(6660, result.Events.Count);
        Assert.Equal(1487, result.Events.Select(e => e.PersonId).Distinct().Count());
        Assert.Equal(expected, result.Events.Select(e => e.Name));
        Assert.Equal(7, result.Events.Select(e => e.Name).Distinct().Count());
    }

    [Fact]
    public void Bpic2013_PlainConceptNameGivesFourActivities()
    {
        var result = XesTestFiles.ReadAll(XesTestFiles.Log("bpic2013_closed.xes.gz"), new ReaderOptions { XesClassifier = "concept:name" });

        Assert.Equal(6660, result.Events.Count);
        Assert.Equal(["Accepted", "Completed", "Queued", "Unmatched"], result.Events.Select(e => e.Name).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void SameFileTwice_GivesTheSameDistinctIds()
    {
        var path = XesTestFiles.Log("receipt.xes.gz");

        var first = XesTestFiles.ReadAll(path);
        var second = XesTestFiles.ReadAll(path, batchSize: 97);

        Assert.Equal(first.Events.Select(e => e.MessageId), second.Events.Select(e => e.MessageId));
        Assert.Equal(first.Profiles.Select(e => e.MessageId), second.Profiles.Select(e => e.MessageId));
        var all = first.Events.Select(e => e.MessageId).Concat(first.Profiles.Select(p => p.MessageId)).ToList();
        Assert.Equal(all.Count, all.Distinct().Count());
    }

    [Fact]
    public void Receipt_PositionReachesLengthAndReadsFast()
    {
        var path = XesTestFiles.Log("receipt.xes.gz");
        XesTestFiles.ReadAll(path); // warm up the JIT
        var clock = System.Diagnostics.Stopwatch.StartNew();

        using var reader = new XesReader(path);
        var result = XesTestFiles.Drain(reader, 1000);
        clock.Stop();

        Assert.Equal(8577, result.Events.Count);
        Assert.Equal(211391, reader.Length);
        Assert.InRange(reader.Position, 1, reader.Length!.Value);
        Assert.True(reader.Position > reader.Length.Value * 9 / 10, $"position {reader.Position}");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"took {clock.Elapsed}");
    }

    [Fact]
    public void MessageReaders_OpensXesAndXesGz()
    {
        using var plain = MessageReaders.Open(XesTestFiles.Log("running-example.xes"));
        using var gzip = MessageReaders.Open(XesTestFiles.Log("receipt.xes.gz"));

        Assert.IsType<XesReader>(plain);
        Assert.IsType<XesReader>(gzip);
        Assert.Equal(42, XesTestFiles.Drain(plain).Events.Count);
    }
}
