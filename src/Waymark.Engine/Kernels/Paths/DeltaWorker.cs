using System.Buffers;
using Waymark.Engine.Execution;
using Waymark.Engine.Filters;
using Waymark.Engine.Snapshot;

namespace Waymark.Engine.Kernels.Paths;

/// <summary>
/// One worker thread's share of a directly-follows graph with times: per partition, one pass over
/// the scope's events writes each pair's key and delta to scratch arrays (reused from partition
/// to partition, so they stay in cache), then a counting sort by key scatters the deltas into the
/// partition's region of a buffer shared by all partitions (a partition has fewer pairs than
/// events), described by a <see cref="PairDeltas"/>. Start and end activities are counted on the way.
/// </summary>
internal sealed partial class DeltaWorker
{
    // Up to this many names, pairs are keyed directly by from * names + to (plus one key for the
    // pairs that straddle two subjects); beyond, they are numbered as first seen.
    private const int DirectNames = 255;

    private readonly int _names;
    private readonly SubjectMask _mask;
    private readonly TimeRange _range;
    private readonly uint[] _output;
    private readonly int[] _outputStart;
    private readonly PairSlots? _slots;
    private readonly List<(int At, long Delta)> _wide = [];
    private int[] _keyOf = [];
    private uint[] _delta = [];
    private int[] _count;
    private int[] _slotOfKey;

    /// <param name="names">How many names the log has.</param>
    /// <param name="mask">The cohort.</param>
    /// <param name="range">The time range.</param>
    /// <param name="output">The buffer every partition's deltas go to.</param>
    /// <param name="outputStart">Per partition, where its region of <paramref name="output"/> starts.</param>
    public DeltaWorker(int names, SubjectMask mask, TimeRange range, uint[] output, int[] outputStart)
    {
        _names = names;
        _mask = mask;
        _range = range;
        _output = output;
        _outputStart = outputStart;
        Tally = new ActivityTally(names);
        if (names <= DirectNames)
        {
            _count = new int[(names * names) + 1];
        }
        else
        {
            _slots = new PairSlots(names);
            _count = new int[64];
        }

        _slotOfKey = new int[_count.Length];
    }

    public ActivityTally Tally { get; }

    /// <summary>Each partition's deltas, in the order this worker ran them.</summary>
    public List<PairDeltas> Partitions { get; } = [];

    public void Run(int index, EventLogPartition partition)
    {
        if (_keyOf.Length < partition.EventCount)
        {
            ReturnScratch();
            _keyOf = ArrayPool<int>.Shared.Rent(partition.EventCount);
            _delta = ArrayPool<uint>.Shared.Rent(partition.EventCount);
        }

        _wide.Clear();
        _slots?.Clear();
        int pairs;
        if (_slots is null && _mask.IsEveryone && _range.IsAll)
        {
            pairs = WholeColumn(partition);
        }
        else
        {
            pairs = _slots is null
                ? BySubject(partition, new DirectPairKeys(_names))
                : BySubject(partition, new SlotPairKeys(_slots));
        }

        if (pairs > 0)
        {
            Partitions.Add(Scatter(pairs, _outputStart[index]));
        }
    }

    /// <summary>Gives the scratch arrays back to the pool once every partition ran.</summary>
    public void ReturnScratch()
    {
        if (_keyOf.Length > 0)
        {
            ArrayPool<int>.Shared.Return(_keyOf);
            ArrayPool<uint>.Shared.Return(_delta);
            (_keyOf, _delta) = ([], []);
        }
    }

    private int BySubject<TKeys>(EventLogPartition partition, TKeys keys)
        where TKeys : struct, IPairKeys
    {
        var at = 0;
        for (var s = 0; s < partition.SubjectCount; s++)
        {
            if (_mask.Contains(partition.FirstSubject + s))
            {
                var (start, end) = PartitionRunner.Window(partition, s, _range);
                at = Subject(partition, start, end, at, keys);
            }
        }

        return at;
    }

    // Writes the subject's pairs from position 'at' of the scratch arrays; returns the next position.
    private int Subject<TKeys>(EventLogPartition partition, int start, int end, int at, TKeys keys)
        where TKeys : struct, IPairKeys
    {
        if (start == end)
        {
            return at;
        }

        var names = partition.NameArray;
        var times = partition.TimeArray;
        Tally.Subject(names, start, end);
        var (keyOf, delta, count) = (_keyOf, _delta, _count);
        var previous = names[start];
        for (var i = start + 1; i < end; i++)
        {
            var current = names[i];
            var key = keys.Key(previous, current);
            previous = current;
            if (key >= count.Length)
            {
                Array.Resize(ref _count, count.Length * 2);
                Array.Resize(ref _slotOfKey, count.Length * 2);
                count = _count;
            }

            count[key]++;
            var d = times[i] - times[i - 1];
            keyOf[at] = key;
            delta[at] = (uint)Math.Min((ulong)d, uint.MaxValue);
            if (d >= uint.MaxValue)
            {
                _wide.Add((at, d));
            }

            at++;
        }

        return at;
    }
}
