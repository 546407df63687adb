using Waymark.Journeys.Compilation;

namespace Waymark.Journeys.Evaluation;

/// <summary>
/// What the conditions of one phase have seen: before a start (counting towards <c>starts_when</c>)
/// or during an instance (everything else). Per atom, its counter and when it first and last held;
/// per inactivity slot, when the gap was first and last long enough. Reused across phases and subjects.
/// </summary>
internal sealed class PhaseState
{
    // Created on an atom's first event: most subjects see few of a map's atoms.
    private readonly AtomCounter?[] _counters;
    private readonly CompiledJourney _journey;

    public PhaseState(CompiledJourney journey)
    {
        _journey = journey;
        _counters = new AtomCounter?[journey.Atoms.Count];

        AtomFirstTrue = new long[_counters.Length];
        AtomLatestMatch = new long[_counters.Length];
        InactiveFirst = new long[journey.InactivitySlots];
        InactiveLatest = new long[journey.InactivitySlots];
        Reset(ConditionNode.Never);
    }

    public long[] AtomFirstTrue { get; }

    public long[] AtomLatestMatch { get; }

    public long[] InactiveFirst { get; }

    public long[] InactiveLatest { get; }

    /// <summary>When the phase began (an instance's start), or <see cref="ConditionNode.Never"/> before a start.</summary>
    public long Began { get; private set; }

    /// <summary>The latest event of the phase, or its beginning: where inactivity gaps count from.</summary>
    public long LastEvent { get; set; }

    public void Reset(long began)
    {
        Began = began;
        LastEvent = began;
        foreach (var counter in _counters)
        {
            counter?.Reset();
        }

        Array.Fill(AtomFirstTrue, ConditionNode.Never);
        Array.Fill(AtomLatestMatch, ConditionNode.Never);
        Array.Fill(InactiveFirst, ConditionNode.Never);
        Array.Fill(InactiveLatest, ConditionNode.Never);
    }

    /// <summary>Counts the events <c>[from, to)</c> of one time (a group), then latches the atoms that hold at it.</summary>
    public void AddGroup(SubjectEvents events, int from, int to, ulong atoms)
    {
        var time = events.Times[from];
        ulong touched = 0;
        for (var i = from; i < to; i++)
        {
            var matches = events.Matches[i] & atoms;
            touched |= matches;
            while (matches != 0)
            {
                var atom = System.Numerics.BitOperations.TrailingZeroCount(matches);
                matches &= matches - 1;
                var counter = _counters[atom] ??= new AtomCounter(_journey.Atoms[atom]);
                counter.Add(time, counter.Atom.DistinctSlot < 0 ? 0 : events.Distinct(counter.Atom.DistinctSlot, i));
            }
        }

        while (touched != 0)
        {
            var atom = System.Numerics.BitOperations.TrailingZeroCount(touched);
            touched &= touched - 1;
            if (_counters[atom]!.Holds(time))
            {
                AtomLatestMatch[atom] = time;
                if (AtomFirstTrue[atom] == ConditionNode.Never)
                {
                    AtomFirstTrue[atom] = time;
                }
            }
        }

        LastEvent = time;
    }
}
