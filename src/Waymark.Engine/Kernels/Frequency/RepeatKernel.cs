using System.Buffers;
using Waymark.Engine.Execution;
using Waymark.Engine.Filters;
using Waymark.Engine.Kernels.Sequences;
using Waymark.Engine.Kernels.Statistics;
using Waymark.Engine.Snapshot;

namespace Waymark.Engine.Kernels.Frequency;

/// <summary>
/// Measures the gaps between each subject's consecutive events of a <see cref="RepeatQuery"/>.
/// Keeps every gap (8 bytes each, not per event read) so that percentiles are exact: while the
/// gaps are written, each worker counts them per histogram bucket of the query and per
/// <see cref="DeltaBuckets"/> bucket, so that the percentiles need only the gaps of the few buckets
/// they fall in (<see cref="BucketedRanks"/>).
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
        // (a subject's n events give at most n - 1 gaps): no large array is allocated per query,
        // so none costs fresh pages.
        var gaps = new (int Start, int Length)[partitions.Length];
        var firsts = new (int Start, int Length)[partitions.Length];
        long gapTotal = 0, firstTotal = 0;
        for (var p = 0; p < partitions.Length; p++)
        {
            var events = SubjectWindows.Of(partitions[p]).For(name);
            (gaps[p].Start, firsts[p].Start) = ((int)gapTotal, (int)firstTotal);
            gapTotal += events.EventCount;
            firstTotal += events.Count;
        }

        var bounds = new GapBounds(query.BoundsMs);
        var gapValues = ArrayPool<long>.Shared.Rent((int)Math.Max(1, gapTotal));
        var firstValues = ArrayPool<long>.Shared.Rent((int)Math.Max(1, firstTotal));
        try
        {
            var workers = PartitionRunner.Fold(log, () => new PartitionWork(conditions, cohort, scope.Range, bounds, gapValues, firstValues), (index, partition, work) =>
                (gaps[index].Length, firsts[index].Length) = work.Run(index, partition, gaps[index].Start, firsts[index].Start));
            var (all, first, subjects) = (workers[0].Gaps, workers[0].Firsts, workers[0].Subjects);
            for (var w = 1; w < workers.Count; w++)
            {
                subjects += workers[w].Subjects;
                all.Add(workers[w].Gaps);
                first.Add(workers[w].Firsts);
            }

            return new RepeatResult(subjects, first.Count, all.Statistics(gapValues, gaps, bounds), first.Statistics(firstValues, firsts, bounds));
        }
        finally
        {
            ArrayPool<long>.Shared.Return(gapValues);
            ArrayPool<long>.Shared.Return(firstValues);
        }
    }

    // Reads only the events of the query's name, subject by subject (SubjectWindows), and writes
    // the gaps from the start of the partition's regions of the shared buffers.
    private sealed class PartitionWork(ConditionMasks conditions, SubjectMask cohort, TimeRange range, GapBounds bounds, long[] gaps, long[] firsts)
    {
        public long Subjects { get; private set; }

        public GapTally Gaps { get; } = new(bounds.Count);

        public GapTally Firsts { get; } = new(bounds.Count);

        /// <summary>Runs one partition; returns how many gaps and first gaps it wrote.</summary>
        public (int Gaps, int Firsts) Run(int index, EventLogPartition partition, int gapStart, int firstStart)
        {
            var times = partition.TimeArray;
            var filtered = conditions.Filtered != 0;
            var (gapAt, firstAt) = (gapStart, firstStart);
            var windows = SubjectWindows.Of(partition);
            var all = windows.For(conditions.NameOf(0)).AllPositions;
            foreach (var subject in windows.Walk(conditions.NameOf(0), cohort, range))
            {
                var positions = subject.Positions;
                if (!filtered)
                {
                    Subject(times, positions, all, ref gapAt, ref firstAt);
                    continue;
                }

                long previous = 0, start = 0;
                var seen = 0;
                foreach (var position in positions)
                {
                    if (conditions.ApplyFilters(1, index, position) != 0)
                    {
                        var time = times[position];
                        if (seen++ > 0)
                        {
                            gaps[gapAt++] = Gaps.Tally(time - previous, bounds);
                            if (seen == 2)
                            {
                                firsts[firstAt++] = Firsts.Tally(time - previous, bounds);
                                Firsts.Sum += time - previous;
                            }
                        }
                        else
                        {
                            start = time;
                        }

                        previous = time;
                    }
                }

                Subjects += seen > 0 ? 1 : 0;
                Gaps.Sum += previous - start;
            }

            return (gapAt - gapStart, firstAt - firstStart);
        }

        // Every event counts: the gaps are written in one tight loop, the times of the events a
        // few dozen ahead in the name's list (this subject's or the next ones') asked for meanwhile;
        // their sum is the last time minus the first.
        private void Subject(long[] times, ReadOnlySpan<int> positions, ReadOnlySpan<int> all, ref int gapAt, ref int firstAt)
        {
            var ahead = Prefetch.IndexIn(all, positions) + Prefetch.Distance;
            Prefetch.Time(times, all, ahead);
            Subjects++;
            if (positions.Length == 1)
            {
                return;
            }

            var first = times[positions[1]] - times[positions[0]];
            firsts[firstAt++] = Firsts.Tally(first, bounds);
            Firsts.Sum += first;
            var (tally, at) = (Gaps, gapAt);
            var previous = times[positions[0]];
            for (var j = 1; j < positions.Length; j++)
            {
                Prefetch.Time(times, all, ahead + j);
                var time = times[positions[j]];
                gaps[at++] = tally.Tally(time - previous, bounds);
                previous = time;
            }

            Gaps.Sum += previous - times[positions[0]];
            gapAt = at;
        }
    }

    /// <summary>Gaps counted per bucket of the query's bounds and per <see cref="DeltaBuckets"/> bucket, with their sum.</summary>
    private sealed class GapTally(int bounds)
    {
        private readonly long[] _fine = new long[DeltaBuckets.Count];
        private readonly long[] _byBound = new long[bounds + 1];

        public Int128 Sum { get; set; }

        public long Count { get; private set; }

        /// <summary>Counts a gap (never negative: times ascend within a subject) and returns it.</summary>
        public long Tally(long gap, GapBounds bounds)
        {
            var fine = DeltaBuckets.Of(gap);
            _fine[fine]++;
            // Most fine buckets lie inside one bucket of the bounds and are added whole at the end.
            if (bounds.Straddles(fine))
            {
                _byBound[bounds.BucketOf(gap)]++;
            }

            Count++;
            return gap;
        }

        public void Add(GapTally other)
        {
            for (var b = 0; b < _fine.Length; b++)
            {
                _fine[b] += other._fine[b];
            }

            for (var b = 0; b < _byBound.Length; b++)
            {
                _byBound[b] += other._byBound[b];
            }

            Sum += other.Sum;
            Count += other.Count;
        }

        /// <summary>The statistics of the gaps counted, which lie in <paramref name="regions"/> of <paramref name="values"/>.</summary>
        public GapStatistics Statistics(long[] values, ReadOnlySpan<(int Start, int Length)> regions, GapBounds bounds)
        {
            for (var b = 0; b < _fine.Length; b++)
            {
                if (!bounds.Straddles(b))
                {
                    _byBound[bounds.BucketOfFine(b)] += _fine[b];
                }
            }

            var limits = bounds.Limits;
            var histogram = new GapBucket[limits.Length + 1];
            for (var b = 0; b <= limits.Length; b++)
            {
                histogram[b] = new GapBucket(b == 0 ? 0 : limits[b - 1], b == limits.Length ? null : limits[b], _byBound[b]);
            }

            if (Count == 0)
            {
                return new GapStatistics(0, null, null, null, null, histogram);
            }

            Span<long> ranks = [NearestRank(Count, 0.5), NearestRank(Count, 0.75), NearestRank(Count, 0.9)];
            Span<long> found = stackalloc long[3];
            BucketedRanks.Find(values, regions, _fine, ranks, found);
            return new GapStatistics(Count, found[0], found[1], found[2], (double)Sum / Count, histogram);
        }

        /// <summary>
        /// The 0-based rank of the nearest-rank percentile <paramref name="q"/> of <paramref name="n"/>
        /// values, as DuckDB's <c>quantile_disc</c> places it: <c>max(1, n - floor(n - q n)) - 1</c>.
        /// </summary>
        private static long NearestRank(long n, double q) => Math.Max(1, n - (long)Math.Floor(n - (q * n))) - 1;
    }

    /// <summary>
    /// The query's histogram bounds, and for each <see cref="DeltaBuckets"/> bucket the bucket of
    /// the bounds that holds all of it, or -1 when a bound cuts it (only those gaps are compared).
    /// </summary>
    private sealed class GapBounds
    {
        private readonly int[] _ofFine = new int[DeltaBuckets.Count];

        public GapBounds(IReadOnlyList<long> limits)
        {
            Limits = [.. limits];
            for (var b = 0; b < _ofFine.Length; b++)
            {
                var (low, high) = (DeltaBuckets.Low(b), b + 1 < _ofFine.Length ? DeltaBuckets.Low(b + 1) - 1 : long.MaxValue);
                var bucket = BucketOf(low);
                _ofFine[b] = BucketOf(high) == bucket ? bucket : -1;
            }
        }

        public long[] Limits { get; }

        public int Count => Limits.Length;

        public bool Straddles(int fine) => _ofFine[fine] < 0;

        public int BucketOfFine(int fine) => _ofFine[fine];

        /// <summary>How many bounds are at or below the gap (the bounds ascend).</summary>
        public int BucketOf(long gap)
        {
            var bucket = 0;
            while (bucket < Limits.Length && gap >= Limits[bucket])
            {
                bucket++;
            }

            return bucket;
        }
    }
}
