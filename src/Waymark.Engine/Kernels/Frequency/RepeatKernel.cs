using System.Buffers;
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
        var name = conditions.NameOf(0);
        var partitions = log.PartitionArray;
        // Each partition writes its gaps and first gaps into its own region of two pooled buffers
        // (a subject's n events give at most n - 1 gaps), then the regions are closed up: no large
        // array is allocated per query, so none costs fresh pages.
        var gapStart = new long[partitions.Length + 1];
        var firstStart = new long[partitions.Length + 1];
        for (var p = 0; p < partitions.Length; p++)
        {
            var events = SubjectWindows.Of(partitions[p]).For(name);
            gapStart[p + 1] = gapStart[p] + events.EventCount;
            firstStart[p + 1] = firstStart[p] + events.Count;
        }

        var gaps = ArrayPool<long>.Shared.Rent((int)Math.Max(1, gapStart[^1]));
        var firsts = ArrayPool<long>.Shared.Rent((int)Math.Max(1, firstStart[^1]));
        try
        {
            var partials = PartitionRunner.Run(log, (index, partition) =>
                new PartitionWork(conditions, cohort, scope.Range, gaps, (int)gapStart[index], firsts, (int)firstStart[index]).Run(index, partition));
            long subjects = 0;
            int gapCount = 0, repeating = 0;
            for (var p = 0; p < partials.Length; p++)
            {
                subjects += partials[p].Subjects;
                gaps.AsSpan((int)gapStart[p], partials[p].GapCount).CopyTo(gaps.AsSpan(gapCount));
                firsts.AsSpan((int)firstStart[p], partials[p].Repeating).CopyTo(firsts.AsSpan(repeating));
                gapCount += partials[p].GapCount;
                repeating += partials[p].Repeating;
            }

            return new RepeatResult(subjects, repeating, Statistics(gaps.AsSpan(0, gapCount), query.BoundsMs), Statistics(firsts.AsSpan(0, repeating), query.BoundsMs));
        }
        finally
        {
            ArrayPool<long>.Shared.Return(gaps);
            ArrayPool<long>.Shared.Return(firsts);
        }
    }

    /// <summary>The statistics of <paramref name="gaps"/>, which it reorders: percentiles by selection, not by sorting.</summary>
    private static GapStatistics Statistics(Span<long> gaps, IReadOnlyList<long> bounds)
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

    // Reads only the events of the query's name, subject by subject (SubjectWindows), and writes
    // the gaps from the start of its regions of the shared buffers.
    private sealed class PartitionWork(ConditionMasks conditions, SubjectMask cohort, TimeRange range, long[] gaps, int gapStart, long[] firsts, int firstStart)
    {
        public int GapCount { get; private set; }

        public int Subjects { get; private set; }

        public int Repeating { get; private set; }

        public PartitionWork Run(int index, EventLogPartition partition)
        {
            var times = partition.TimeArray;
            var filtered = conditions.Filtered != 0;
            foreach (var subject in SubjectWindows.Of(partition).Walk(conditions.NameOf(0), cohort, range))
            {
                var positions = subject.Positions;
                if (!filtered)
                {
                    Subject(times, positions);
                    continue;
                }

                long previous = 0;
                var seen = 0;
                foreach (var position in positions)
                {
                    if (conditions.ApplyFilters(1, index, position) != 0)
                    {
                        var time = times[position];
                        if (seen++ > 0)
                        {
                            Add(time - previous, seen == 2);
                        }

                        previous = time;
                    }
                }

                Subjects += seen > 0 ? 1 : 0;
            }

            return this;
        }

        // Every event counts: the gaps are written in one tight loop.
        private void Subject(long[] times, ReadOnlySpan<int> positions)
        {
            Subjects++;
            if (positions.Length == 1)
            {
                return;
            }

            var at = gapStart + GapCount;
            firsts[firstStart + Repeating++] = times[positions[1]] - times[positions[0]];
            var previous = times[positions[0]];
            for (var j = 1; j < positions.Length; j++)
            {
                var time = times[positions[j]];
                gaps[at++] = time - previous;
                previous = time;
            }

            GapCount = at - gapStart;
        }

        private void Add(long gap, bool first)
        {
            gaps[gapStart + GapCount++] = gap;
            if (first)
            {
                firsts[firstStart + Repeating++] = gap;
            }
        }
    }
}
