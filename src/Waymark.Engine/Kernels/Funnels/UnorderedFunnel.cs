using System.Numerics;
using Waymark.Engine.Snapshot;

namespace Waymark.Engine.Kernels.Funnels;

/// <summary>
/// The any-order funnel (PostHog's unordered funnel): every event that completes a step is an
/// anchor; the window from an anchor holds the events at or after it in the subject's order with
/// <c>t ≤ anchor + Window</c>; the level is the most distinct steps completed in one such window.
/// Step <c>j</c> of the result means "<c>j + 1</c> distinct steps"; its time to convert is, at the
/// earliest moment any window held <c>j + 1</c> distinct steps, the time from the latest anchor
/// whose window did so.
/// </summary>
internal sealed class UnorderedFunnel : FunnelEvaluator
{
    private readonly long[] _reachedAt;
    private readonly long[] _anchorOf;
    private readonly int[] _startOf;
    private ulong[] _masks = new ulong[64];
    private int[] _positions = new int[64];

    public UnorderedFunnel(CompiledFunnel funnel, EventLogPartition partition, int partitionIndex)
        : base(funnel, partition, partitionIndex)
    {
        _reachedAt = new long[funnel.StepCount];
        _anchorOf = new long[funnel.StepCount];
        _startOf = new int[funnel.StepCount];
    }

    public override void Evaluate(int start, int end, int cap)
    {
        Outcome.Reset();
        var count = Collect(start, end);
        var n = Funnel.StepCount;
        Array.Fill(_reachedAt, long.MaxValue);
        var times = Partition.TimeArray;
        var all = n == 64 ? ulong.MaxValue : (1UL << n) - 1;
        var best = 0;
        for (var a = 0; a < count; a++)
        {
            var anchor = times[_positions[a]];
            ulong union = 0;
            var distinct = 0;
            for (var e = a; e < count && times[_positions[e]] - anchor <= Funnel.Window && union != all; e++)
            {
                union |= _masks[e];
                var now = BitOperations.PopCount(union);
                var at = times[_positions[e]];
                for (var j = distinct; j < now; j++)
                {
                    if (at < _reachedAt[j] || (at == _reachedAt[j] && anchor >= _anchorOf[j]))
                    {
                        _reachedAt[j] = at;
                        _anchorOf[j] = anchor;
                        _startOf[j] = _positions[a];
                    }
                }

                distinct = now;
            }

            best = Math.Max(best, distinct);
        }

        Outcome.Level = best;
        for (var j = 0; j < best; j++)
        {
            Outcome.TimeToConvert[j] = _reachedAt[j] - _anchorOf[j];
        }

        Outcome.StartPosition = best > 0 ? _startOf[best - 1] : -1;
    }

    /// <summary>Gathers the positions and step masks of the subject's events that complete any step.</summary>
    private int Collect(int start, int end)
    {
        var names = Partition.NameArray;
        var count = 0;
        for (var i = start; i < end; i++)
        {
            var mask = Funnel.Steps(names[i], PartitionIndex, i);
            if (mask == 0)
            {
                continue;
            }

            if (count == _masks.Length)
            {
                Array.Resize(ref _masks, count * 2);
                Array.Resize(ref _positions, count * 2);
            }

            _masks[count] = mask;
            _positions[count++] = i;
        }

        return count;
    }
}
