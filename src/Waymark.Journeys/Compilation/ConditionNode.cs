using Waymark.Journeys.Evaluation;

namespace Waymark.Journeys.Compilation;

/// <summary>
/// A journey condition compiled for evaluation: a leaf over one atom (an <see cref="Core.Journeys.EventMatch"/>),
/// an inactivity slot, or a combination. Truth is latched: a condition is true from the first time it
/// holds. Times are UTC milliseconds; <see cref="Never"/> means "not (yet)".
/// </summary>
internal abstract class ConditionNode
{
    /// <summary>The time of a condition that has not happened.</summary>
    public const long Never = long.MinValue;

    /// <summary>The first time the condition held in this phase, or <see cref="Never"/>.</summary>
    public abstract long FirstTrue(PhaseState phase);

    /// <summary>
    /// The latest time the condition held with an event of its own (or an inactivity gap) at that
    /// time: how off-track deviations are dated. <see cref="Never"/> when it never did.
    /// </summary>
    public abstract long LatestMatch(PhaseState phase);

    /// <summary>The atoms this condition reads, as bits.</summary>
    public abstract ulong Atoms { get; }

    public sealed class Leaf(int atom) : ConditionNode
    {
        public int Atom { get; } = atom;

        public override ulong Atoms => 1UL << Atom;

        public override long FirstTrue(PhaseState phase) => phase.AtomFirstTrue[Atom];

        public override long LatestMatch(PhaseState phase) => phase.AtomLatestMatch[Atom];
    }

    public sealed class Inactive(int slot, long duration) : ConditionNode
    {
        public int Slot { get; } = slot;

        public long Duration { get; } = duration;

        public override ulong Atoms => 0;

        public override long FirstTrue(PhaseState phase) => phase.InactiveFirst[Slot];

        public override long LatestMatch(PhaseState phase) => phase.InactiveLatest[Slot];
    }

    public sealed class All(ConditionNode[] children) : ConditionNode
    {
        public ConditionNode[] Children { get; } = children;

        public override ulong Atoms { get; } = Union(children);

        public override long FirstTrue(PhaseState phase)
        {
            var latest = Never;
            foreach (var child in Children)
            {
                var time = child.FirstTrue(phase);
                if (time == Never)
                {
                    return Never;
                }

                latest = Math.Max(latest, time);
            }

            return latest;
        }

        public override long LatestMatch(PhaseState phase)
        {
            var latest = Never;
            foreach (var child in Children)
            {
                var time = child.LatestMatch(phase);
                if (time == Never)
                {
                    return Never;
                }

                latest = Math.Max(latest, time);
            }

            return latest;
        }
    }

    public sealed class Any(ConditionNode[] children) : ConditionNode
    {
        public ConditionNode[] Children { get; } = children;

        public override ulong Atoms { get; } = Union(children);

        public override long FirstTrue(PhaseState phase)
        {
            var earliest = Never;
            foreach (var child in Children)
            {
                var time = child.FirstTrue(phase);
                if (time != Never && (earliest == Never || time < earliest))
                {
                    earliest = time;
                }
            }

            return earliest;
        }

        public override long LatestMatch(PhaseState phase)
        {
            var latest = Never;
            foreach (var child in Children)
            {
                latest = Math.Max(latest, child.LatestMatch(phase));
            }

            return latest;
        }
    }

    private static ulong Union(ConditionNode[] children)
    {
        ulong atoms = 0;
        foreach (var child in children)
        {
            atoms |= child.Atoms;
        }

        return atoms;
    }
}
