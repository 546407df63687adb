using Waymark.Engine.Execution;
using Waymark.Engine.Filters;
using Waymark.Engine.Kernels.Statistics;
using Waymark.Engine.Snapshot;

namespace Waymark.Engine.Kernels.Durations;

/// <summary>The time-from-A-to-B kernel (see <see cref="DurationQuery"/> for which A and which B).</summary>
public static class TimeBetween
{
    /// <summary>Measures <paramref name="query"/> over its scope.</summary>
    public static DurationResult Run(EventLog log, DurationQuery query)
    {
        ArgumentNullException.ThrowIfNull(log);
        Validate(query);
        var mask = SubjectMask.Compile(log, query.Scope.Cohort);
        var from = EventMatcher.Compile(log, query.From);
        var to = EventMatcher.Compile(log, query.To);
        var parts = PartitionRunner.Run(log, (index, partition) => Measure(index, partition, mask, from, to, query));
        long started = 0;
        var lists = new LongList[parts.Length];
        for (var p = 0; p < parts.Length; p++)
        {
            started += parts[p].Started;
            lists[p] = parts[p].Durations;
        }

        var durations = LongList.Concat(lists);
        List<SubjectDuration>? subjects = null;
        if (query.PerSubject)
        {
            subjects = new List<SubjectDuration>(durations.Length);
            for (var p = 0; p < parts.Length; p++)
            {
                var codes = parts[p].Subjects!.Span;
                var spans = parts[p].Durations.Span;
                for (var i = 0; i < codes.Length; i++)
                {
                    subjects.Add(new SubjectDuration(log.Subjects[(int)codes[i]]!, spans[i]));
                }
            }
        }

        return new DurationResult(started, durations.Length, DurationStats.Of(durations, query.HistogramBins), subjects);
    }

    private static void Validate(DurationQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(query.Scope, nameof(query.Scope));
        ArgumentNullException.ThrowIfNull(query.From, nameof(query.From));
        ArgumentNullException.ThrowIfNull(query.To, nameof(query.To));
        if (query.HistogramBins is < 1 or > 1000)
        {
            throw new ArgumentException($"HistogramBins must be from 1 to 1000; got {query.HistogramBins}", nameof(query));
        }

        if (!Enum.IsDefined(query.FromOccurrence) || !Enum.IsDefined(query.ToOccurrence))
        {
            throw new ArgumentException("FromOccurrence and ToOccurrence must be First or Last", nameof(query));
        }
    }

    private sealed record Part(long Started, LongList Durations, LongList? Subjects);

    private static Part Measure(int index, EventLogPartition partition, SubjectMask mask, EventMatcher from, EventMatcher to, DurationQuery query)
    {
        var times = partition.TimeArray;
        var durations = new LongList();
        var subjects = query.PerSubject ? new LongList() : null;
        long started = 0;
        var fromFirst = query.FromOccurrence == Occurrence.First;
        var toFirst = query.ToOccurrence == Occurrence.First;
        for (var s = 0; s < partition.SubjectCount; s++)
        {
            if (!mask.Contains(partition.FirstSubject + s))
            {
                continue;
            }

            var (start, end) = PartitionRunner.Window(partition, s, query.Scope.Range);
            var a = fromFirst ? Forward(from, partition, index, start, end) : Backward(from, partition, index, start, end);
            if (a < 0)
            {
                continue;
            }

            started++;
            var b = toFirst ? Forward(to, partition, index, a + 1, end) : Backward(to, partition, index, a + 1, end);
            if (b >= 0)
            {
                durations.Add(times[b] - times[a]);
                subjects?.Add(partition.FirstSubject + s);
            }
        }

        return new Part(started, durations, subjects);
    }

    /// <summary>The first position in [start, end) matching, or -1.</summary>
    internal static int Forward(EventMatcher matcher, EventLogPartition partition, int index, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (matcher.Matches(partition, index, i))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The last position in [start, end) matching, or -1.</summary>
    internal static int Backward(EventMatcher matcher, EventLogPartition partition, int index, int start, int end)
    {
        for (var i = end - 1; i >= start; i--)
        {
            if (matcher.Matches(partition, index, i))
            {
                return i;
            }
        }

        return -1;
    }
}
