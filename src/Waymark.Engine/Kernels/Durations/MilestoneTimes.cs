using Waymark.Engine.Execution;
using Waymark.Engine.Filters;
using Waymark.Engine.Kernels.Statistics;
using Waymark.Engine.Snapshot;

namespace Waymark.Engine.Kernels.Durations;

/// <summary>The time between consecutive milestones (see <see cref="MilestoneQuery"/> for the chain).</summary>
public static class MilestoneTimes
{
    /// <summary>Measures <paramref name="query"/> over its scope.</summary>
    public static MilestoneDurations Run(EventLog log, MilestoneQuery query)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(query.Scope, nameof(query.Scope));
        ArgumentNullException.ThrowIfNull(query.Milestones, nameof(query.Milestones));
        if (query.Milestones.Count < 2 || query.Milestones.Any(m => m is null))
        {
            throw new ArgumentException($"Milestones must hold at least two conditions and no null; got {query.Milestones.Count}", nameof(query));
        }

        if (query.HistogramBins is < 1 or > 1000)
        {
            throw new ArgumentException($"HistogramBins must be from 1 to 1000; got {query.HistogramBins}", nameof(query));
        }

        var mask = SubjectMask.Compile(log, query.Scope.Cohort);
        var matchers = query.Milestones.Select(m => EventMatcher.Compile(log, m)).ToArray();
        var parts = PartitionRunner.Run(log, (index, partition) => Chain(index, partition, mask, matchers, query.Scope.Range));
        var k = matchers.Length;
        var stages = new MilestoneStage[k];
        for (var m = 0; m < k; m++)
        {
            var durations = LongList.Concat(parts.Select(p => p[m]));
            var reached = m == 0 ? parts.Sum(p => p[0].Count) : durations.Length;
            stages[m] = new MilestoneStage(query.Milestones[m], reached, m == 0 ? null : DurationStats.Of(durations, query.HistogramBins));
        }

        var total = LongList.Concat(parts.Select(p => p[k]));
        return new MilestoneDurations(stages, DurationStats.Of(total, query.HistogramBins));
    }

    // Per milestone m > 0, the durations from milestone m-1; list 0 holds the first milestone's
    // times only to count it; list k holds first-to-last durations.
    private static LongList[] Chain(int index, EventLogPartition partition, SubjectMask mask, EventMatcher[] matchers, TimeRange range)
    {
        var k = matchers.Length;
        var lists = new LongList[k + 1];
        for (var i = 0; i <= k; i++)
        {
            lists[i] = new LongList();
        }

        var times = partition.TimeArray;
        for (var s = 0; s < partition.SubjectCount; s++)
        {
            if (!mask.Contains(partition.FirstSubject + s))
            {
                continue;
            }

            var (start, end) = PartitionRunner.Window(partition, s, range);
            var at = TimeBetween.Forward(matchers[0], partition, index, start, end);
            if (at < 0)
            {
                continue;
            }

            lists[0].Add(0);
            var first = at;
            var m = 1;
            for (; m < k; m++)
            {
                var next = TimeBetween.Forward(matchers[m], partition, index, at + 1, end);
                if (next < 0)
                {
                    break;
                }

                lists[m].Add(times[next] - times[at]);
                at = next;
            }

            if (m == k)
            {
                lists[k].Add(times[at] - times[first]);
            }
        }

        return lists;
    }
}
