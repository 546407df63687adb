using System.Numerics;
using Waymark.Engine.Snapshot;

namespace Waymark.Engine.Kernels.Funnels;

/// <summary>
/// The ordered funnel: ClickHouse's <c>windowFunnel</c> state machine, extended with optional
/// steps, per-step limits and exclusions (none of which change its answer when unused).
/// Each level <c>j</c> keeps one chain that reached step <c>j</c>: its first-step time and its
/// latest step time. Events are taken in time order; events of the same millisecond in step
/// order (an event completing several steps counts once for each, lowest step first, and under
/// <see cref="FunnelModes.StrictOrder"/> events completing no step come before them), exclusions
/// last. A first-step event restarts level 0; a step-k event extends the chain of the best
/// level it may follow (k−1, or lower across optional steps) when the window and limits allow,
/// replacing level k's chain. Evaluation ends when the last step is reached (or the subject's cap, a level its
/// events' names cannot pass) or a strict mode stops it.
/// </summary>
internal sealed class OrderedFunnel : FunnelEvaluator
{
    private readonly long[] _first;
    private readonly long[] _last;
    private readonly int[] _brokenBefore;
    private readonly int[] _start;
    private readonly bool[] _has;
    private readonly bool _strictOrder;
    private readonly bool _dedup;
    private readonly bool _increase;
    private readonly bool _reentry;
    private ulong[] _groupSteps = new ulong[8];
    private ulong[] _groupExclusions = new ulong[8];
    private bool _anyFirst;
    private int _deepest;
    private int _cap;

    public OrderedFunnel(CompiledFunnel funnel, EventLogPartition partition, int partitionIndex)
        : base(funnel, partition, partitionIndex)
    {
        var n = funnel.StepCount;
        _first = new long[n];
        _last = new long[n];
        _brokenBefore = new int[n];
        _start = new int[n];
        _has = new bool[n];
        _strictOrder = funnel.Modes.HasFlag(FunnelModes.StrictOrder);
        _dedup = funnel.Modes.HasFlag(FunnelModes.StrictDeduplication);
        _increase = funnel.Modes.HasFlag(FunnelModes.StrictIncrease);
        _reentry = funnel.Modes.HasFlag(FunnelModes.AllowReentry);
    }

    public override void Evaluate(int start, int end, int cap)
    {
        _cap = cap;
        Outcome.Reset();
        Array.Clear(_has);
        _anyFirst = false;
        _deepest = -1;
        Run(start, end);
        Outcome.Level = _deepest + 1;
        Outcome.Excluded = _deepest >= 0 && _brokenBefore[_deepest] != CompiledFunnel.NoLimit;
    }

    private void Run(int start, int end)
    {
        var times = Partition.TimeArray;
        var names = Partition.NameArray;
        var funnel = Funnel;
        var stepsByName = funnel.StepsByName;
        var filtered = funnel.FilteredSteps;
        var exclusions = funnel.HasExclusions;
        for (var i = start; i < end; i++)
        {
            // Most events complete no step: decide that from the name alone, without reading their time.
            var steps = stepsByName[names[i]];
            if ((steps & filtered) != 0)
            {
                steps = funnel.FilterSteps(steps, PartitionIndex, i);
            }

            var excluding = exclusions ? funnel.Exclusions(names[i], PartitionIndex, i) : 0;
            if ((steps | excluding) == 0)
            {
                if (_strictOrder && _anyFirst)
                {
                    return;
                }

                continue;
            }

            // Events of the same millisecond before this one complete no step: only the first
            // step event of a millisecond opens its group.
            var t = times[i];
            if (i + 1 < end && times[i + 1] == t)
            {
                var g = i + 2;
                while (g < end && times[g] == t)
                {
                    g++;
                }

                if (Group(i, g, t))
                {
                    return;
                }

                i = g - 1;
                continue;
            }

            if (steps == 0 && _strictOrder && _anyFirst)
            {
                return;
            }

            while (steps != 0)
            {
                var k = BitOperations.TrailingZeroCount(steps);
                steps &= steps - 1;
                if (Enter(k, t, i))
                {
                    return;
                }
            }

            Exclude(excluding, t);
        }
    }

    /// <summary>Events <paramref name="from"/> to <paramref name="to"/> share time <paramref name="t"/>: taken in step order.</summary>
    private bool Group(int from, int to, long t)
    {
        var size = to - from;
        if (_groupSteps.Length < size)
        {
            _groupSteps = new ulong[BitOperations.RoundUpToPowerOf2((uint)size)];
            _groupExclusions = new ulong[_groupSteps.Length];
        }

        var names = Partition.NameArray;
        ulong union = 0;
        var unmatched = false;
        for (var e = 0; e < size; e++)
        {
            var steps = Funnel.Steps(names[from + e], PartitionIndex, from + e);
            _groupSteps[e] = steps;
            _groupExclusions[e] = Funnel.HasExclusions ? Funnel.Exclusions(names[from + e], PartitionIndex, from + e) : 0;
            union |= steps;
            unmatched |= steps == 0;
        }

        if (unmatched && _strictOrder && _anyFirst)
        {
            return true;
        }

        while (union != 0)
        {
            var k = BitOperations.TrailingZeroCount(union);
            union &= union - 1;
            for (var e = 0; e < size; e++)
            {
                if ((_groupSteps[e] & (1UL << k)) != 0 && Enter(k, t, from + e))
                {
                    return true;
                }
            }
        }

        for (var e = 0; e < size; e++)
        {
            Exclude(_groupExclusions[e], t);
        }

        return false;
    }

    /// <summary>Takes a step-<paramref name="k"/> event; true when evaluation ends.</summary>
    private bool Enter(int k, long t, int position)
    {
        if (k == 0)
        {
            _has[0] = true;
            _first[0] = t;
            _last[0] = t;
            _brokenBefore[0] = CompiledFunnel.NoLimit;
            _start[0] = position;
            _anyFirst = true;
            Reached(0, 0, position);
            return _cap == 1;
        }

        if (_dedup && _has[k])
        {
            return true;
        }

        var best = -1;
        var anySource = false;
        for (var s = k - 1; s >= Funnel.LowestSource[k]; s--)
        {
            if (!_has[s])
            {
                continue;
            }

            anySource = true;
            if (_brokenBefore[s] > k && t - _first[s] <= Funnel.Window && t - _last[s] <= Funnel.Within[k]
                && (!_increase || _last[s] < t) && (best < 0 || _first[s] > _first[best]))
            {
                best = s;
            }
        }

        if (_strictOrder && _anyFirst && !anySource)
        {
            return !_reentry;
        }

        if (best < 0)
        {
            return false;
        }

        _has[k] = true;
        _first[k] = _first[best];
        _last[k] = t;
        _brokenBefore[k] = _brokenBefore[best];
        _start[k] = _start[best];
        Reached(k, t - _first[best], _start[best]);
        return k + 1 >= _cap;
    }

    private void Reached(int k, long elapsed, int start)
    {
        if (Outcome.TimeToConvert[k] < 0)
        {
            Outcome.TimeToConvert[k] = elapsed;
        }

        if (k > _deepest)
        {
            _deepest = k;
            Outcome.StartPosition = start;
        }
    }

    private void Exclude(ulong exclusions, long t)
    {
        while (exclusions != 0)
        {
            var e = BitOperations.TrailingZeroCount(exclusions);
            exclusions &= exclusions - 1;
            var to = Funnel.ExclusionTo[e];
            for (var j = Funnel.ExclusionFrom[e]; j < to; j++)
            {
                if (_has[j] && t - _first[j] <= Funnel.Window)
                {
                    _brokenBefore[j] = Math.Min(_brokenBefore[j], to);
                }
            }
        }
    }
}
