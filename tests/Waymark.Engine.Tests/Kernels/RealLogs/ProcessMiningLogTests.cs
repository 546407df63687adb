using Waymark.Core.Conditions;
using Waymark.Core.Ingest;
using Waymark.Engine.Execution;
using Waymark.Engine.Kernels.Durations;
using Waymark.Engine.Kernels.Paths;
using Waymark.Engine.Kernels.Variants;
using Waymark.Engine.Snapshot;
using Waymark.Formats;
using Waymark.Tests;

namespace Waymark.Engine.Tests.Kernels.RealLogs;

/// <summary>
/// The real logs of shared/data/eventlogs (see its SOURCES.md) through the project's readers,
/// case = subject and activity = name by the log's classifier: directly-follows counts, start and
/// end activities, variants and case durations equal what PM4Py computes, worked out here from
/// the definitions over the raw records (per case, events stably sorted by time, so ties keep
/// file order — PM4Py's rule), and the counts SOURCES.md states.
/// </summary>
public sealed class ProcessMiningLogTests
{
    private sealed record Record(string Case, long Time, string Activity, int Row);

    public static TheoryData<string, string?, int, int, int, int> Logs => new()
    {
        // file, classifier, cases, events, activities (SOURCES.md), variants (recounted from the XML with a separate script)
        { "running-example.xes", null, 6, 42, 8, 6 },
        { "running-example.csv", null, 6, 42, 8, 6 },
        { "receipt.xes.gz", null, 1434, 8577, 27, 116 },
        { "bpic2013_closed.xes.gz", null, 1487, 6660, 7, 327 },
        { "bpic2013_closed.xes.gz", "concept:name", 1487, 6660, 4, 183 },
    };

    private static List<Record> Read(string file, string? classifier)
    {
        var records = new List<Record>();
        using var reader = MessageReaders.Open(SharedData.EventLog(file), new ReaderOptions { XesClassifier = classifier });
        var batch = new MessageBatch();
        while (reader.ReadBatch(batch, 1000))
        {
            Assert.Empty(batch.Errors);
            foreach (var e in batch.Events)
            {
                records.Add(new Record(e.PersonId!, TimeRange.ToMilliseconds(e.Timestamp), e.Name, records.Count));
            }
        }

        return records;
    }

    private static EventLog Build(List<Record> records)
    {
        var builder = new EventLog.Builder(SubjectKind.Person) { PartitionTarget = 1000 };
        foreach (var r in records)
        {
            builder.AddEvent(r.Case, r.Time, r.Activity);
        }

        return builder.Build();
    }

    // Each case's events, stably sorted by time (LINQ's OrderBy is stable: ties keep file order).
    private static List<List<Record>> Traces(List<Record> records) =>
        records.GroupBy(r => r.Case).Select(g => g.OrderBy(r => r.Time).ToList()).ToList();

    [Theory]
    [MemberData(nameof(Logs))]
    public void Counts_AreThoseOfSources(string file, string? classifier, int cases, int events, int activities, int variants)
    {
        var records = Read(file, classifier);
        var log = Build(records);

        Assert.Equal(cases, records.Select(r => r.Case).Distinct().Count());
        Assert.Equal(events, log.EventCount);
        Assert.Equal(activities, records.Select(r => r.Activity).Distinct().Count());
        var set = TraceVariants.Run(log, new VariantsQuery(QueryScope.Everything) { Top = int.MaxValue });
        Assert.Equal(cases, set.Subjects);
        Assert.Equal(variants, set.Distinct);
    }

    [Theory]
    [MemberData(nameof(Logs))]
    public void DirectlyFollows_EqualsTheDefinition(string file, string? classifier, int cases, int events, int activities, int variants)
    {
        _ = (cases, events, activities, variants);
        var records = Read(file, classifier);
        var traces = Traces(records);
        var pairs = traces.SelectMany(t => t.Zip(t.Skip(1), (a, b) => (a.Activity, b.Activity, Delta: b.Time - a.Time)))
            .GroupBy(p => (p.Item1, p.Item2)).ToDictionary(g => g.Key, g => g.Select(p => p.Delta).ToList());

        var graph = DirectlyFollows.Run(Build(records), new DirectlyFollowsQuery(QueryScope.Everything));

        Assert.Equal(pairs.Count, graph.Edges.Count);
        foreach (var edge in graph.Edges)
        {
            var deltas = pairs[(edge.From, edge.To)];
            Assert.Equal(deltas.Count, edge.Count);
            Assert.Equal(deltas.Average(), edge.Times!.Mean, 6);
            Assert.Equal(Quantile(deltas, 0.5), edge.Times.Median, 6);
            Assert.Equal(Quantile(deltas, 0.9), edge.Times.P90, 6);
            Assert.Equal((deltas.Min(), deltas.Max()), (edge.Times.Min, edge.Times.Max));
        }

        Assert.Equal(Activities(traces.Select(t => t[0].Activity)), graph.StartActivities.ToDictionary(a => a.Name, a => a.Count));
        Assert.Equal(Activities(traces.Select(t => t[^1].Activity)), graph.EndActivities.ToDictionary(a => a.Name, a => a.Count));
    }

    [Theory]
    [MemberData(nameof(Logs))]
    public void VariantsAndCaseDurations_EqualTheDefinition(string file, string? classifier, int cases, int events, int activities, int variants)
    {
        _ = (cases, events, activities, variants);
        var records = Read(file, classifier);
        var traces = Traces(records);
        var expected = traces.GroupBy(t => string.Join('\u0001', t.Select(r => r.Activity)))
            .ToDictionary(g => g.Key, g => (Count: g.Count(), Median: Quantile(g.Select(t => t[^1].Time - t[0].Time).ToList(), 0.5)));
        var log = Build(records);

        var set = TraceVariants.Run(log, new VariantsQuery(QueryScope.Everything) { Top = int.MaxValue });
        var durations = TimeBetween.Run(log, new DurationQuery(QueryScope.Everything, EventCondition.AnyEvent, EventCondition.AnyEvent) { ToOccurrence = Occurrence.Last, PerSubject = true });

        Assert.Equal(expected.Count, set.Top.Count);
        foreach (var variant in set.Top)
        {
            var (count, median) = expected[string.Join('\u0001', variant.Names)];
            Assert.Equal(count, variant.Count);
            Assert.Equal(median, variant.MedianDuration, 6);
        }

        Assert.True(set.Top.Zip(set.Top.Skip(1)).All(p => p.First.Count >= p.Second.Count));
        // Case durations (first to last event) of every case with at least two events.
        var caseDurations = traces.Where(t => t.Count > 1).ToDictionary(t => t[0].Case, t => t[^1].Time - t[0].Time);
        Assert.Equal(caseDurations.Count, durations.Completed);
        Assert.All(durations.Subjects!, s => Assert.Equal(caseDurations[s.Subject], s.Duration));
    }

    [Fact]
    public void RunningExample_HasPm4pysStartAndEndActivities()
    {
        // As PM4Py documents for this log: every case starts with "register request"; three end
        // with "pay compensation" and three with "reject request".
        var graph = DirectlyFollows.Run(Build(Read("running-example.xes", null)), new DirectlyFollowsQuery(QueryScope.Everything));

        Assert.Equal([new ActivityCount("register request", 6)], graph.StartActivities);
        Assert.Equal([new("pay compensation", 3), new ActivityCount("reject request", 3)], graph.EndActivities);
    }

    [Fact]
    public void RunningExample_CsvAndXesGiveTheSameGraph()
    {
        var xes = DirectlyFollows.Run(Build(Read("running-example.xes", null)), new DirectlyFollowsQuery(QueryScope.Everything));
        var csv = DirectlyFollows.Run(Build(Read("running-example.csv", null)), new DirectlyFollowsQuery(QueryScope.Everything));

        Assert.Equal(xes.Edges, csv.Edges);
        Assert.Equal(xes.StartActivities, csv.StartActivities);
    }

    private static Dictionary<string, long> Activities(IEnumerable<string> names) =>
        names.GroupBy(n => n).ToDictionary(g => g.Key, g => (long)g.Count());

    // numpy's default (linear) quantile over a sorted copy.
    private static double Quantile(List<long> values, double q)
    {
        var sorted = values.Order().ToList();
        var h = (sorted.Count - 1) * q;
        var low = (int)Math.Floor(h);
        var high = (int)Math.Ceiling(h);
        return sorted[low] + ((sorted[high] - sorted[low]) * (h - low));
    }
}
