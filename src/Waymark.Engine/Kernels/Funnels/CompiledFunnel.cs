using System.Diagnostics;
using System.Numerics;
using Waymark.Engine.Filters;
using Waymark.Engine.Snapshot;

namespace Waymark.Engine.Kernels.Funnels;

/// <summary>
/// A <see cref="FunnelQuery"/> compiled against one snapshot: per event name code, a bit mask of
/// the steps (and one of the exclusions) it can complete, the property filters still to test,
/// and the windows in milliseconds. Shared read-only by every partition's evaluator.
/// </summary>
internal sealed class CompiledFunnel
{
    public const int NoLimit = int.MaxValue;

    private readonly ulong[] _stepsByName;
    private readonly ulong[] _exclusionsByName;
    private readonly EventMatcher[] _stepMatchers;
    private readonly EventMatcher[] _exclusionMatchers;
    private readonly ulong _filteredSteps;
    private readonly ulong _filteredExclusions;

    public CompiledFunnel(EventLog log, FunnelQuery query)
    {
        Query = query;
        StepCount = query.Steps.Count;
        Window = query.WindowMs;
        Modes = query.Modes;
        var names = log.Names.Count;
        _stepsByName = new ulong[names];
        _exclusionsByName = new ulong[names];
        _stepMatchers = new EventMatcher[StepCount];
        Within = new long[StepCount];
        LowestSource = new int[StepCount];
        for (var k = 0; k < StepCount; k++)
        {
            var step = query.Steps[k];
            _stepMatchers[k] = EventMatcher.Compile(log, step.Condition);
            Within[k] = step.Within is { } within ? (long)within.TotalMilliseconds : long.MaxValue;
            LowestSource[k] = k == 0 ? 0 : k - 1;
            while (LowestSource[k] > 0 && query.Steps[LowestSource[k]].Optional)
            {
                LowestSource[k]--;
            }

            _filteredSteps |= Spread(_stepsByName, _stepMatchers[k], k);
        }

        var exclusions = query.Exclusions;
        _exclusionMatchers = new EventMatcher[exclusions.Count];
        ExclusionFrom = new int[exclusions.Count];
        ExclusionTo = new int[exclusions.Count];
        for (var e = 0; e < exclusions.Count; e++)
        {
            _exclusionMatchers[e] = EventMatcher.Compile(log, exclusions[e].Condition);
            ExclusionFrom[e] = exclusions[e].FromStep;
            ExclusionTo[e] = exclusions[e].ToStep;
            _filteredExclusions |= Spread(_exclusionsByName, _exclusionMatchers[e], e);
        }
    }

    public FunnelQuery Query { get; }

    public int StepCount { get; }

    /// <summary>The conversion window in milliseconds (inclusive).</summary>
    public long Window { get; }

    public FunnelModes Modes { get; }

    /// <summary>Per step, the limit from the previous step done, in milliseconds (long.MaxValue: none).</summary>
    public long[] Within { get; }

    /// <summary>Per step k, the lowest level a chain may come from (k−1 down across optional steps).</summary>
    public int[] LowestSource { get; }

    public int[] ExclusionFrom { get; }

    public int[] ExclusionTo { get; }

    public bool HasExclusions => _exclusionMatchers.Length > 0;

    /// <summary>The matcher of a step (its name code tells which subjects can have it).</summary>
    public EventMatcher StepMatcher(int step) => _stepMatchers[step];

    public EventMatcher ExclusionMatcher(int exclusion) => _exclusionMatchers[exclusion];

    public int ExclusionCount => _exclusionMatchers.Length;

    /// <summary>True when step 0 tests properties (so its events cannot be counted from names alone).</summary>
    public bool FirstStepFiltered => (_filteredSteps & 1) != 0;

    /// <summary>Per name code, the steps its events may complete (before property filters).</summary>
    public ulong[] StepsByName => _stepsByName;

    /// <summary>Per name code, the exclusions its events may match (before property filters).</summary>
    public ulong[] ExclusionsByName => _exclusionsByName;

    /// <summary>The steps whose property filters must still be tested.</summary>
    public ulong FilteredSteps => _filteredSteps;

    /// <summary>The steps event <paramref name="position"/> completes, one bit per step.</summary>
    public ulong Steps(int name, int partitionIndex, int position) => FilterSteps(_stepsByName[name], partitionIndex, position);

    /// <summary>Clears from <paramref name="mask"/> the steps whose property filters event <paramref name="position"/> fails.</summary>
    public ulong FilterSteps(ulong mask, int partitionIndex, int position)
    {
        var filtered = mask & _filteredSteps;
        while (filtered != 0)
        {
            var k = BitOperations.TrailingZeroCount(filtered);
            filtered &= filtered - 1;
            if (!_stepMatchers[k].FiltersPass(partitionIndex, position))
            {
                mask &= ~(1UL << k);
            }
        }

        return mask;
    }

    /// <summary>The exclusions event <paramref name="position"/> matches, one bit per exclusion.</summary>
    public ulong Exclusions(int name, int partitionIndex, int position)
    {
        var mask = _exclusionsByName[name];
        var filtered = mask & _filteredExclusions;
        while (filtered != 0)
        {
            var e = BitOperations.TrailingZeroCount(filtered);
            filtered &= filtered - 1;
            if (!_exclusionMatchers[e].FiltersPass(partitionIndex, position))
            {
                mask &= ~(1UL << e);
            }
        }

        return mask;
    }

    /// <summary>Sets bit <paramref name="bit"/> on the names the matcher takes; returns the bit when it has filters.</summary>
    private static ulong Spread(ulong[] byName, EventMatcher matcher, int bit)
    {
        Debug.Assert(bit < 64);
        var flag = 1UL << bit;
        if (matcher.Name == EventMatcher.AnyName)
        {
            for (var n = 0; n < byName.Length; n++)
            {
                byName[n] |= flag;
            }
        }
        else if (matcher.Name >= 0)
        {
            byName[matcher.Name] |= flag;
        }

        return matcher.HasFilters ? flag : 0;
    }
}
