using Waymark.Engine.Execution;
using Waymark.Engine.Filters;
using Waymark.Engine.Kernels.Statistics;
using Waymark.Engine.Snapshot;

namespace Waymark.Engine.Kernels.Paths;

/// <summary>
/// Exact median and p90 of each pair's deltas from its histogram: the four ranks needed (low and
/// high rank of each quantile) fall in known buckets; a bucket of one value gives its rank at
/// once, and the deltas of the other target buckets are gathered in a second pass and the ranks
/// selected among them. Only those buckets' deltas are held, never all of them.
/// </summary>
internal sealed class EdgeTimeFinder
{
    private const int PerPair = 4;
    private static readonly double[] Levels = [0.5, 0.9];

    private readonly DfgTotals _totals;
    private readonly long[] _values;          // per request (pair * 4 + k): the value at its rank, once known
    private readonly int[] _requestTarget;    // per request: its target (pair * 4 + j), or -1 when known
    private readonly int[] _requestRank;      // per request: its rank among its target's deltas
    private readonly int[] _targetBucket;     // per target: the bucket gathered
    private readonly int[] _targetsOfPair;
    private readonly long[]?[] _store;

    private EdgeTimeFinder(DfgTotals totals)
    {
        _totals = totals;
        var pairs = totals.Slots.Count;
        _values = new long[pairs * PerPair];
        _requestTarget = new int[pairs * PerPair];
        _requestRank = new int[pairs * PerPair];
        _targetBucket = new int[pairs * PerPair];
        _targetsOfPair = new int[pairs];
        _store = new long[]?[pairs * PerPair];
    }

    public static EdgeTimes[] Find(EventLog log, DfgTotals totals, SubjectMask mask, TimeRange range)
    {
        var finder = new EdgeTimeFinder(totals);
        var gathering = false;
        for (var pair = 0; pair < totals.Slots.Count; pair++)
        {
            gathering |= finder.Plan(pair);
        }

        if (gathering)
        {
            var gathered = PartitionRunner.Fold(
                log,
                () => new LongList?[totals.Slots.Count * PerPair],
                (_, partition, lists) => finder.Gather(partition, mask, range, lists));
            finder.Store(gathered);
        }

        return finder.Resolve();
    }

    // Finds the bucket of each rank the pair needs; returns true when some bucket must be gathered.
    private bool Plan(int pair)
    {
        var count = _totals.Count[pair];
        var histogram = _totals.Histogram.AsSpan(pair * DeltaBuckets.Count, DeltaBuckets.Count);
        long below = 0;
        var bucket = 0;
        Span<(long Rank, int K)> requests = stackalloc (long, int)[PerPair];
        InRankOrder(count, requests);
        foreach (var (rank, k) in requests)
        {
            while (below + histogram[bucket] <= rank)
            {
                below += histogram[bucket++];
            }

            var request = (pair * PerPair) + k;
            _requestTarget[request] = -1;
            if (DeltaBuckets.IsExact(bucket))
            {
                _values[request] = DeltaBuckets.Low(bucket);
                continue;
            }

            _requestTarget[request] = TargetOf(pair, bucket, histogram[bucket]);
            _requestRank[request] = (int)(rank - below);
        }

        return _targetsOfPair[pair] > 0;
    }

    // The four ranks (low and high of the median, then of p90) sorted: with few values they
    // interleave (two values: the median's high rank is 1, p90's low rank 0).
    private static void InRankOrder(long count, Span<(long Rank, int K)> requests)
    {
        for (var k = 0; k < PerPair; k++)
        {
            var (low, high, _) = Quantiles.Ranks(count, Levels[k / 2]);
            requests[k] = (k % 2 == 0 ? low : high, k);
        }

        requests.Sort();
    }

    private int TargetOf(int pair, int bucket, int size)
    {
        var first = pair * PerPair;
        for (var j = 0; j < _targetsOfPair[pair]; j++)
        {
            if (_targetBucket[first + j] == bucket)
            {
                return first + j;
            }
        }

        var target = first + _targetsOfPair[pair]++;
        _targetBucket[target] = bucket;
        _store[target] = new long[size];
        return target;
    }

    // Each worker gathers into its own lists (no atomics, no shared cache lines); the lists are
    // then copied into each target's array, whose size the histogram gave.
    private void Store(List<LongList?[]> gathered)
    {
        for (var target = 0; target < _store.Length; target++)
        {
            var store = _store[target];
            if (store is null)
            {
                continue;
            }

            var at = 0;
            foreach (var lists in gathered)
            {
                if (lists[target] is { } list)
                {
                    list.Span.CopyTo(store.AsSpan(at));
                    at += list.Count;
                }
            }

            System.Diagnostics.Debug.Assert(at == store.Length);
        }
    }

    private void Gather(EventLogPartition partition, SubjectMask mask, TimeRange range, LongList?[] lists)
    {
        var names = partition.NameArray;
        var times = partition.TimeArray;
        var slots = _totals.Slots;
        for (var s = 0; s < partition.SubjectCount; s++)
        {
            if (!mask.Contains(partition.FirstSubject + s))
            {
                continue;
            }

            var (start, end) = PartitionRunner.Window(partition, s, range);
            for (var i = start + 1; i < end; i++)
            {
                var pair = slots.Find(names[i - 1], names[i]);
                var targets = _targetsOfPair[pair];
                if (targets == 0)
                {
                    continue;
                }

                var delta = times[i] - times[i - 1];
                var bucket = DeltaBuckets.Of(delta);
                for (var target = pair * PerPair; target < (pair * PerPair) + targets; target++)
                {
                    if (_targetBucket[target] == bucket)
                    {
                        (lists[target] ??= new LongList()).Add(delta);
                        break;
                    }
                }
            }
        }
    }

    private EdgeTimes[] Resolve()
    {
        var pairs = _totals.Slots.Count;
        var settled = new int[pairs * PerPair];
        var result = new EdgeTimes[pairs];
        Span<(long Rank, int K)> requests = stackalloc (long, int)[PerPair];
        for (var pair = 0; pair < pairs; pair++)
        {
            // Requests of one target are resolved in ascending rank order, as selection needs.
            InRankOrder(_totals.Count[pair], requests);
            foreach (var (_, k) in requests)
            {
                var request = (pair * PerPair) + k;
                var target = _requestTarget[request];
                if (target >= 0)
                {
                    _values[request] = Quantiles.At(_store[target], _requestRank[request], ref settled[target]);
                }
            }

            var count = _totals.Count[pair];
            var first = pair * PerPair;
            var median = Quantiles.Interpolate(_values[first], _values[first + 1], Quantiles.Ranks(count, Levels[0]).Fraction);
            var p90 = Quantiles.Interpolate(_values[first + 2], _values[first + 3], Quantiles.Ranks(count, Levels[1]).Fraction);
            result[pair] = new EdgeTimes((double)_totals.Sum[pair] / count, median, p90, _totals.Min[pair], _totals.Max[pair]);
        }

        return result;
    }
}
