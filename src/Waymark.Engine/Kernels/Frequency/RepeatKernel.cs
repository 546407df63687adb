using Waymark.Engine.Execution;
using Waymark.Engine.Filters;
using Waymark.Engine.Kernels.Sequences;
using Waymark.Engine.Snapshot;

namespace Waymark.Engine.Kernels.Frequency;

/// <summary>
/// Measures the gaps between each subject's consecutive events of a <see cref="RepeatQuery"/>.
/// Keeps every gap (8 bytes each, not per event read) so that percentiles are exact.
/// </summary>
public static class RepeatKernel
{
    /// <summary>Runs the query over the subjects and events of <paramref name="scope"/>.</summary>
    public static RepeatResult Run(EventLog log, RepeatQuery query, QueryScope scope)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(scope);
        var cohort = SubjectMask.Compile(log, scope.Cohort);
        var conditions = new ConditionMasks(log, [query.Event]);
        var partials = PartitionRunner.Run(log, (index, partition) =>
            new PartitionWork(conditions, cohort, scope.Range).Run(index, partition));

        long subjects = 0, repeating = 0, gapCount = 0;
        foreach (var partial in partials)
        {
            subjects += partial.Subjects;
            repeating += partial.Repeating;
            gapCount += partial.GapCount;
        }

        var gaps = new long[gapCount];
        var firsts = new long[repeating];
        int g = 0, f = 0;
        foreach (var partial in partials)
        {
            partial.Gaps.AsSpan(0, partial.GapCount).CopyTo(gaps.AsSpan(g));
            partial.Firsts.AsSpan(0, partial.Repeating).CopyTo(firsts.AsSpan(f));
            g += partial.GapCount;
            f += partial.Repeating;
        }

        return new RepeatResult(subjects, repeating, Statistics(gaps, query.BoundsMs), Statistics(firsts, query.BoundsMs));
    }

    /// <summary>Nearest-rank percentile of sorted values, as DuckDB's <c>quantile_disc</c> places it.</summary>
    internal static long Percentile(ReadOnlySpan<long> sorted, double q)
    {
        var n = sorted.Length;
        var rank = Math.Max(1, n - (long)Math.Floor(n - (q * n)));
        return sorted[(int)rank - 1];
    }

    private static GapStatistics Statistics(long[] gaps, IReadOnlyList<long> bounds)
    {
        Array.Sort(gaps);
        var histogram = new GapBucket[bounds.Count + 1];
        var at = 0;
        for (var b = 0; b <= bounds.Count; b++)
        {
            var from = b == 0 ? 0 : bounds[b - 1];
            long? to = b == bounds.Count ? null : bounds[b];
            var end = to is { } limit ? LowerBound(gaps, at, limit) : gaps.Length;
            histogram[b] = new GapBucket(from, to, end - at);
            at = end;
        }

        if (gaps.Length == 0)
        {
            return new GapStatistics(0, null, null, null, null, histogram);
        }

        double sum = 0;
        foreach (var gap in gaps)
        {
            sum += gap;
        }

        return new GapStatistics(gaps.Length, Percentile(gaps, 0.5), Percentile(gaps, 0.75), Percentile(gaps, 0.9), sum / gaps.Length, histogram);
    }

    private static int LowerBound(long[] sorted, int from, long value)
    {
        var index = Array.BinarySearch(sorted, from, sorted.Length - from, value);
        if (index < 0)
        {
            return ~index;
        }

        while (index > from && sorted[index - 1] == value)
        {
            index--;
        }

        return index;
    }

    private sealed class PartitionWork(ConditionMasks conditions, SubjectMask cohort, TimeRange range)
    {
        public long[] Gaps { get; private set; } = new long[256];

        public int GapCount { get; private set; }

        public long[] Firsts { get; private set; } = new long[64];

        public int Subjects { get; private set; }

        public int Repeating { get; private set; }

        public PartitionWork Run(int index, EventLogPartition partition)
        {
            var byName = conditions.ByName;
            var filtered = conditions.Filtered;
            var names = partition.NameArray;
            var times = partition.TimeArray;
            for (var s = 0; s < partition.SubjectCount; s++)
            {
                if (!cohort.Contains(partition.FirstSubject + s))
                {
                    continue;
                }

                var (start, end) = PartitionRunner.Window(partition, s, range);
                var previous = long.MinValue;
                var seen = 0;
                for (var i = start; i < end; i++)
                {
                    var mask = byName[names[i]];
                    if (mask == 0 || ((mask & filtered) != 0 && conditions.ApplyFilters(mask, index, i) == 0))
                    {
                        continue;
                    }

                    var time = times[i];
                    if (seen++ > 0)
                    {
                        AddGap(time - previous, seen == 2);
                    }

                    previous = time;
                }

                Subjects += seen > 0 ? 1 : 0;
            }

            return this;
        }

        private void AddGap(long gap, bool first)
        {
            if (GapCount == Gaps.Length)
            {
                var grown = Gaps;
                Array.Resize(ref grown, grown.Length * 2);
                Gaps = grown;
            }

            Gaps[GapCount++] = gap;
            if (first)
            {
                if (Repeating == Firsts.Length)
                {
                    var grown = Firsts;
                    Array.Resize(ref grown, grown.Length * 2);
                    Firsts = grown;
                }

                Firsts[Repeating++] = gap;
            }
        }
    }
}
