using Waymark.Engine.Execution;
using Waymark.Engine.Filters;
using Waymark.Engine.Kernels.Sequences;
using Waymark.Engine.Kernels.Statistics;
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

    /// <summary>The statistics of <paramref name="gaps"/>, which it reorders: percentiles by selection, not by sorting.</summary>
    private static GapStatistics Statistics(long[] gaps, IReadOnlyList<long> bounds)
    {
        var limits = bounds.ToArray();
        var counts = new long[limits.Length + 1];
        Int128 sum = 0;
        foreach (var gap in gaps)
        {
            // Bucket = how many bounds are at or below the gap; the bounds ascend.
            var bucket = 0;
            while (bucket < limits.Length && gap >= limits[bucket])
            {
                bucket++;
            }

            counts[bucket]++;
            sum += gap;
        }

        var histogram = new GapBucket[bounds.Count + 1];
        for (var b = 0; b <= bounds.Count; b++)
        {
            histogram[b] = new GapBucket(b == 0 ? 0 : bounds[b - 1], b == bounds.Count ? null : bounds[b], counts[b]);
        }

        if (gaps.Length == 0)
        {
            return new GapStatistics(0, null, null, null, null, histogram);
        }

        var settled = 0;
        var median = Quantiles.At(gaps, NearestRank(gaps.Length, 0.5), ref settled);
        var p75 = Quantiles.At(gaps, NearestRank(gaps.Length, 0.75), ref settled);
        var p90 = Quantiles.At(gaps, NearestRank(gaps.Length, 0.9), ref settled);
        return new GapStatistics(gaps.Length, median, p75, p90, (double)sum / gaps.Length, histogram);
    }

    /// <summary>
    /// The 0-based rank of the nearest-rank percentile <paramref name="q"/> of <paramref name="n"/>
    /// values, as DuckDB's <c>quantile_disc</c> places it: <c>max(1, n - floor(n - q n)) - 1</c>.
    /// </summary>
    private static int NearestRank(int n, double q) => (int)Math.Max(1, n - (long)Math.Floor(n - (q * n))) - 1;

    private sealed class PartitionWork(ConditionMasks conditions, SubjectMask cohort, TimeRange range)
    {
        private int _index;
        private EventLogPartition _partition = null!;
        private long _previous;
        private int _seen;

        public long[] Gaps { get; private set; } = new long[256];

        public int GapCount { get; private set; }

        public long[] Firsts { get; private set; } = new long[64];

        public int Subjects { get; private set; }

        public int Repeating { get; private set; }

        public PartitionWork Run(int index, EventLogPartition partition)
        {
            (_index, _partition) = (index, partition);
            var sink = new Sink(this);
            SubjectWalk.Run(partition, new NameScan(conditions.ByName), cohort, range, ref sink);
            return this;
        }

        private void Event(int position)
        {
            if (conditions.Filtered != 0 && conditions.ApplyFilters(1, _index, position) == 0)
            {
                return;
            }

            var time = _partition.TimeArray[position];
            if (_seen++ > 0)
            {
                AddGap(time - _previous, _seen == 2);
            }

            _previous = time;
        }

        private void EndSubject()
        {
            Subjects += _seen > 0 ? 1 : 0;
            _seen = 0;
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

        private readonly struct Sink(PartitionWork work) : ISubjectEvents
        {
            public void Event(int position) => work.Event(position);

            public void EndSubject(int subject) => work.EndSubject();
        }
    }
}
