using Waymark.Core.Journeys;

namespace Waymark.Journeys.Compilation;

/// <summary>
/// A journey map ready to evaluate: its event conditions numbered as atoms (at most
/// <see cref="MaxAtoms"/>), every condition of the map compiled over them, and the milestone graph
/// as indices. One compiled journey serves batch evaluation and the tracker alike, so both read
/// the map the same way.
/// </summary>
public sealed class CompiledJourney
{
    /// <summary>The most distinct event conditions one map may have.</summary>
    public const int MaxAtoms = 64;

    private readonly List<Atom> _atoms = [];
    private readonly List<string> _distinctKeys = [];
    private readonly List<(int Slot, long Duration)> _inactivity = [];

    private CompiledJourney(JourneyMap map, int version)
    {
        Map = map;
        Version = version;
        Start = Compile(map.StartsWhen);
        Abandon = map.AbandonsWhen is null ? null : Compile(map.AbandonsWhen);
        Milestones = [.. map.Milestones.Select(m => Compile(m.When))];
        Touchpoints = [.. map.Touchpoints.Select(t => Compile(t.DeliveredWhen))];
        OffTrack = [.. map.OffTrackWhen.Select(Compile)];
        ContingencyConditions = [.. map.Contingencies.Select(c => c.When is ConditionMet met ? Compile(met.Condition) : null)];
        After = [.. map.Milestones.Select(m => m.After.Select(IndexOfMilestone).ToArray())];
        Later = DesignedLater(After);
        ContingencyMilestones = [.. map.Contingencies.Select(c => c.When switch
        {
            MilestoneOverdue o => IndexOfMilestone(o.MilestoneId),
            MilestoneReached r => IndexOfMilestone(r.MilestoneId),
            _ => -1,
        })];
        Required = [.. Enumerable.Range(0, map.Milestones.Count).Where(m => !map.Milestones[m].Optional)];
        Optional = [.. map.Milestones.Select(m => m.Optional)];
        WithinMs = [.. map.Milestones.Select(m => m.ExpectedWithin is { } w ? (long)w.TotalMilliseconds : -1)];
        AfterMs = [.. map.Milestones.Select(m => m.ExpectedAfter is { } a ? (long)a.TotalMilliseconds : -1)];
        StallAfterMs = map.StallAfter is { } stall ? (long)stall.TotalMilliseconds : -1;
        InstanceAtoms = Milestones.Concat(Touchpoints).Concat(OffTrack).Aggregate(Abandon?.Atoms ?? 0, (a, n) => a | n.Atoms)
            | ContingencyConditions.Aggregate(0UL, (a, n) => a | (n?.Atoms ?? 0));
        Inactivity = [.. _inactivity];
    }

    /// <summary>The map compiled.</summary>
    public JourneyMap Map { get; }

    /// <summary>The map's version: instances say which version they were evaluated with.</summary>
    public int Version { get; }

    /// <summary>The map's event conditions; an event source computes, per event, which of them it matches.</summary>
    public IReadOnlyList<Atom> Atoms => _atoms;

    /// <summary>The property counted by each distinct slot (see <see cref="Atom.DistinctSlot"/>).</summary>
    public IReadOnlyList<string> DistinctKeys => _distinctKeys;

    internal int InactivitySlots => Inactivity.Length;

    /// <summary>Every <c>inactive_for</c> of the map: its slot and duration in milliseconds.</summary>
    internal (int Slot, long Duration)[] Inactivity { get; }

    internal ConditionNode Start { get; }

    internal ConditionNode? Abandon { get; }

    internal ConditionNode[] Milestones { get; }

    internal ConditionNode[] Touchpoints { get; }

    internal ConditionNode[] OffTrack { get; }

    internal ConditionNode?[] ContingencyConditions { get; }

    /// <summary>Per milestone, the indices of its <c>after</c> milestones.</summary>
    internal int[][] After { get; }

    /// <summary>Per milestone, the milestones designed after it, directly or through others (its <c>after</c> descendants).</summary>
    internal int[][] Later { get; }

    /// <summary>The milestones that are not optional.</summary>
    internal int[] Required { get; }

    /// <summary>Per milestone, whether it is optional.</summary>
    internal bool[] Optional { get; }

    /// <summary>Per milestone, <c>expected_within</c> in milliseconds, or -1.</summary>
    internal long[] WithinMs { get; }

    /// <summary>Per milestone, <c>expected_after</c> in milliseconds, or -1.</summary>
    internal long[] AfterMs { get; }

    /// <summary>The map's <c>stall_after</c> in milliseconds, or -1 for the default.</summary>
    internal long StallAfterMs { get; }

    /// <summary>Per contingency, the milestone its trigger names, or -1.</summary>
    internal int[] ContingencyMilestones { get; }

    /// <summary>The atoms any condition of an instance reads (everything but <c>starts_when</c>).</summary>
    internal ulong InstanceAtoms { get; }

    /// <summary>
    /// Compiles a map. Throws <see cref="ArgumentException"/> when it has more than
    /// <see cref="MaxAtoms"/> different event conditions.
    /// </summary>
    public static CompiledJourney Compile(JourneyMap map, int version = 1)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        return new CompiledJourney(map, version);
    }

    private static int[][] DesignedLater(int[][] after)
    {
        var later = new int[after.Length][];
        for (var m = 0; m < after.Length; m++)
        {
            var found = new SortedSet<int>();
            var stack = new Stack<int>([m]);
            while (stack.TryPop(out var current))
            {
                for (var k = 0; k < after.Length; k++)
                {
                    if (Array.IndexOf(after[k], current) >= 0 && found.Add(k))
                    {
                        stack.Push(k);
                    }
                }
            }

            later[m] = [.. found];
        }

        return later;
    }

    private int IndexOfMilestone(string id)
    {
        for (var i = 0; i < Map.Milestones.Count; i++)
        {
            if (string.Equals(Map.Milestones[i].Id, id, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new ArgumentException($"journey map '{Map.Id}' refers to an unknown milestone '{id}'", nameof(id));
    }

    private ConditionNode Compile(JourneyCondition condition) => condition switch
    {
        EventMatch match => new ConditionNode.Leaf(AtomOf(match)),
        AllOf all => new ConditionNode.All([.. all.Conditions.Select(Compile)]),
        AnyOf any => new ConditionNode.Any([.. any.Conditions.Select(Compile)]),
        InactiveFor inactive => Inactive((long)inactive.Duration.TotalMilliseconds),
        _ => throw new ArgumentException($"unknown condition {condition}", nameof(condition)),
    };

    private ConditionNode.Inactive Inactive(long duration)
    {
        _inactivity.Add((_inactivity.Count, duration));
        return new ConditionNode.Inactive(_inactivity.Count - 1, duration);
    }

    private int AtomOf(EventMatch match)
    {
        var text = Describe(match);
        foreach (var atom in _atoms)
        {
            if (string.Equals(Describe(atom.Match), text, StringComparison.Ordinal))
            {
                return atom.Index;
            }
        }

        if (_atoms.Count == MaxAtoms)
        {
            throw new ArgumentException($"journey map '{Map.Id}' has more than {MaxAtoms} different event conditions; split it into smaller journeys", nameof(match));
        }

        var slot = -1;
        if (match.Distinct is { } key)
        {
            slot = _distinctKeys.IndexOf(key);
            if (slot < 0)
            {
                slot = _distinctKeys.Count;
                _distinctKeys.Add(key);
            }
        }

        var roles = 0;
        foreach (var role in match.ByRole)
        {
            roles |= 1 << (int)role;
        }

        _atoms.Add(new Atom(_atoms.Count, match, slot, roles));
        return _atoms.Count - 1;
    }

    // Records holding lists compare them by reference; the text says everything that matters.
    private static string Describe(EventMatch match) =>
        $"{match.Event}|{match.MinCount}|{match.Distinct}|{match.Within?.Ticks}|{string.Join(',', match.ByRole)}";
}
