using Waymark.Engine.Execution;
using Waymark.Engine.Filters;
using Waymark.Engine.Snapshot;

namespace Waymark.Engine.Kernels.Funnels;

/// <summary>How the scan finds the subjects to evaluate; both give the same answer.</summary>
internal enum FunnelStrategy
{
    /// <summary>
    /// Touch only what the steps need: visit the subjects that have a first-step event name
    /// (<see cref="SubjectWindows"/>), and read the events only of those that also have a name that
    /// could take them further; the others reached step 0 only.
    /// </summary>
    Indexed,

    /// <summary>Evaluate every subject's events (the reference the indexed strategy is tested against).</summary>
    FullScan,
}

/// <summary>Runs a funnel variant over every partition in parallel and gathers one tally per partition.</summary>
internal sealed class FunnelScan
{
    private readonly CompiledFunnel _funnel;
    private readonly SubjectMask _cohort;
    private readonly TimeRange _range;
    private readonly FunnelStrategy _strategy;
    private readonly BreakdownValues _values;
    private readonly int[]? _levels;

    public FunnelScan(CompiledFunnel funnel, SubjectMask cohort, TimeRange range, FunnelStrategy strategy, BreakdownValues values, int[]? levels)
    {
        _funnel = funnel;
        _cohort = cohort;
        _range = range;
        _strategy = strategy;
        _values = values;
        _levels = levels;
    }

    public FunnelTally[] Run(EventLog log) => PartitionRunner.Run(log, RunPartition);

    private FunnelTally RunPartition(int index, EventLogPartition partition)
    {
        var query = _funnel.Query;
        var tally = new FunnelTally(_funnel.StepCount, _values.Count, query.IncludeDropOffs, _levels);
        FunnelEvaluator evaluator = query.Order == FunnelOrder.Ordered
            ? new OrderedFunnel(_funnel, partition, index)
            : new UnorderedFunnel(_funnel, partition, index);
        var visit = new Visit(this, partition, index, evaluator, tally);
        var first = _funnel.StepMatcher(0).Name;
        if (_strategy == FunnelStrategy.FullScan || first == EventMatcher.AnyName || query.Order == FunnelOrder.AnyOrder)
        {
            for (var s = 0; s < partition.SubjectCount; s++)
            {
                visit.Subject(s, deep: true, _funnel.StepCount);
            }

            return tally;
        }

        var names = SubjectWindows.Of(partition);
        var further = Further(names, partition.SubjectCount);
        var present = StepsPresent(names, partition.SubjectCount);
        foreach (var s in names.Subjects(first))
        {
            visit.Subject(s, deep: further is null || (further[s >> 6] & (1UL << s)) != 0, Cap(present, s));
        }

        return tally;
    }

    /// <summary>
    /// Per step from 1, which subjects have an event of its name (null: any may), for ordered
    /// funnels without optional steps or exclusions, where a step missing caps the level; else null.
    /// </summary>
    private ulong[]?[]? StepsPresent(SubjectWindows names, int subjects)
    {
        if (_funnel.HasExclusions || _funnel.Query.Steps.Any(s => s.Optional))
        {
            return null;
        }

        var present = new ulong[]?[_funnel.StepCount];
        for (var k = 1; k < present.Length; k++)
        {
            var bits = new ulong[(subjects + 63) >> 6];
            present[k] = Mark(bits, names, _funnel.StepMatcher(k).Name) ? bits : null;
        }

        return present;
    }

    /// <summary>The level local subject <paramref name="s"/> cannot pass: 1 + the steps from 1 whose names it has, up to the first missing.</summary>
    private int Cap(ulong[]?[]? present, int s)
    {
        if (present is null)
        {
            return _funnel.StepCount;
        }

        var cap = 1;
        while (cap < present.Length && (present[cap] is not { } bits || (bits[s >> 6] & (1UL << s)) != 0))
        {
            cap++;
        }

        return cap;
    }

    /// <summary>
    /// The subjects that have an event that could take a chain past step 0 (a step reachable
    /// straight from step 0, or an exclusion after it), as a bit set; null when every subject must
    /// be read (a step or exclusion without a name, or a breakdown by a first-step property).
    /// </summary>
    private ulong[]? Further(SubjectWindows names, int subjects)
    {
        if (_funnel.StepCount == 1)
        {
            return new ulong[(subjects + 63) >> 6];
        }

        if (_values.ByProperty)
        {
            return null;
        }

        var bits = new ulong[(subjects + 63) >> 6];
        for (var k = 1; k < _funnel.StepCount; k++)
        {
            if (!Mark(bits, names, _funnel.StepMatcher(k).Name))
            {
                return null;
            }

            if (!_funnel.Query.Steps[k].Optional)
            {
                break;
            }
        }

        for (var e = 0; e < _funnel.ExclusionCount; e++)
        {
            if (_funnel.ExclusionFrom[e] == 0 && !Mark(bits, names, _funnel.ExclusionMatcher(e).Name))
            {
                return null;
            }
        }

        return bits;
    }

    private static bool Mark(ulong[] bits, SubjectWindows names, int name)
    {
        if (name == EventMatcher.AnyName)
        {
            return false;
        }

        foreach (var s in names.Subjects(name))
        {
            bits[s >> 6] |= 1UL << s;
        }

        return true;
    }

    /// <summary>One partition's visit of its subjects.</summary>
    private readonly struct Visit(FunnelScan scan, EventLogPartition partition, int index, FunnelEvaluator evaluator, FunnelTally tally)
    {
        public void Subject(int local, bool deep, int cap)
        {
            var subject = partition.FirstSubject + local;
            if (!scan._cohort.Contains(subject))
            {
                return;
            }

            var (start, end) = PartitionRunner.Window(partition, local, scan._range);
            if (start == end)
            {
                return;
            }

            var whole = start == partition.OffsetArray[local] && end == partition.OffsetArray[local + 1];
            if (!deep && whole && !scan._funnel.FirstStepFiltered)
            {
                tally.AddFirstStepOnly(subject, scan._values.OfSubject(subject));
                return;
            }

            evaluator.Evaluate(start, end, cap);
            var outcome = evaluator.Outcome;
            tally.Add(subject, scan._values.Of(subject, index, outcome.StartPosition), outcome);
        }
    }
}
