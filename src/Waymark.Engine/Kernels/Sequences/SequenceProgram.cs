using System.Diagnostics;
using System.Numerics;

namespace Waymark.Engine.Kernels.Sequences;

/// <summary>How one attempt to match a pattern ended.</summary>
internal enum MatchOutcome
{
    NoMatch,
    Match,

    /// <summary>The attempt took more than <see cref="SequenceProgram.StepLimit"/> steps (ClickHouse fails the query with TOO_SLOW there).</summary>
    OverStepLimit,
}

/// <summary>
/// A <see cref="SequencePattern"/> compiled for matching over one subject's condition-matching
/// events (their times and condition bit masks, in time order). Two matchers, with ClickHouse's
/// semantics: a bit-parallel automaton for <c>sequenceMatch</c> without time elements, and an
/// explicit-stack backtracking search (lazy stars, leftmost start) for patterns with time elements
/// and for counting. Immutable; scratch lives in <see cref="Frame"/> buffers the caller owns.
/// </summary>
internal sealed class SequenceProgram
{
    /// <summary>ClickHouse's <c>sequence_match_max_iterations</c>: the most steps of one backtracking attempt.</summary>
    public const int StepLimit = 1_000_000;

    private readonly Action[] _actions;
    private readonly ulong[] _advanceOn = new ulong[SequencePattern.MaxConditions];
    private readonly ulong _anyStates;
    private readonly ulong _starStates;
    private readonly ulong _finalState;
    private readonly uint[][]? _segments;

    public SequenceProgram(SequencePattern pattern)
    {
        Pattern = pattern;
        // An implicit '.*' leads every pattern: it is searched for, not anchored.
        var actions = new List<Action> { new(ActionKind.Star, 0, 0) };
        var state = 0;
        _starStates = 1;
        foreach (var step in pattern.Steps)
        {
            switch (step.Kind)
            {
                case SequenceStepKind.Condition:
                    actions.Add(new Action(ActionKind.Condition, 1u << (step.Condition - 1), 0));
                    _advanceOn[step.Condition - 1] |= 1UL << state++;
                    break;
                case SequenceStepKind.AnyEvent:
                    actions.Add(new Action(ActionKind.Any, 0, 0));
                    _anyStates |= 1UL << state++;
                    break;
                case SequenceStepKind.AnyEvents:
                    actions.Add(new Action(ActionKind.Star, 0, 0));
                    _starStates |= 1UL << state;
                    break;
                default:
                    actions.Add(new Action(TimeKind(step.Kind), 0, step.Seconds * 1000));
                    break;
            }
        }

        _actions = [.. actions];
        _finalState = 1UL << state;
        if (!pattern.HasTimeSteps)
        {
            _segments = Segments(pattern);
            LinearLimit = LargestSafeLength(_segments);
        }
    }

    /// <summary>
    /// The most condition events a subject may have for <see cref="CountLinearly"/> to stand in
    /// for the backtracking search: up to it, no attempt of that search can take more than
    /// <see cref="StepLimit"/> steps. 0 for patterns with time elements.
    /// </summary>
    public int LinearLimit { get; }

    public SequencePattern Pattern { get; }

    /// <summary>
    /// <c>sequenceMatch</c> for a pattern without time elements: runs the set of automaton states
    /// over the events and says whether the final state is ever reached.
    /// </summary>
    public bool MatchesAnywhere(ReadOnlySpan<uint> masks)
    {
        Debug.Assert(!Pattern.HasTimeSteps);
        var active = 1UL;
        for (var e = 0; e < masks.Length && active != 0 && (active & _finalState) == 0; e++)
        {
            var advancing = active & _anyStates;
            for (var bits = masks[e]; bits != 0; bits &= bits - 1)
            {
                advancing |= active & _advanceOn[BitOperations.TrailingZeroCount(bits)];
            }

            active = (advancing << 1) | (active & _starStates);
        }

        return (active & _finalState) != 0;
    }

    /// <summary>
    /// One backtracking attempt from event <paramref name="position"/>, as ClickHouse's: the
    /// earliest start, then stars taking as few events as they can. On return
    /// <paramref name="position"/> is just after the last event the attempt consumed (at least one
    /// past where it started), where <c>sequenceCount</c> looks for the next match.
    /// </summary>
    public MatchOutcome MatchFrom(ReadOnlySpan<long> times, ReadOnlySpan<uint> masks, ref int position, ref Frame[] stack)
    {
        var actions = _actions;
        var count = masks.Length;
        var start = position;
        int a = 0, e = position, b = position, depth = 0, steps = 0;
        while (a < actions.Length && e < count)
        {
            var action = actions[a];
            bool advanced;
            switch (action.Kind)
            {
                case ActionKind.Condition:
                    advanced = (masks[e] & action.Bit) != 0;
                    if (advanced)
                    {
                        b = e++;
                        a++;
                    }

                    break;
                case ActionKind.Any:
                    b = e++;
                    a++;
                    advanced = true;
                    break;
                case ActionKind.Star:
                    Push(ref stack, ref depth, a, e, b);
                    b = e;
                    a++;
                    advanced = true;
                    break;
                default:
                    if (TimeHolds(action, times[e] - times[b]))
                    {
                        Push(ref stack, ref depth, a, e, b);
                        b = e;
                        a++;
                        advanced = true;
                    }
                    else if (action.Kind is ActionKind.TimeAtMost or ActionKind.TimeLess)
                    {
                        advanced = false;
                    }
                    else
                    {
                        // A lower bound or an exact time not met yet: a later event may meet it.
                        advanced = ++e < count;
                    }

                    break;
            }

            if (!advanced && !Backtrack(stack, ref depth, ref a, ref e, ref b, count))
            {
                break;
            }

            if (++steps > StepLimit)
            {
                position = count;
                return MatchOutcome.OverStepLimit;
            }
        }

        // Elements that can match nothing may remain once the events run out.
        while (a < actions.Length && actions[a].MatchesEmpty)
        {
            a++;
        }

        position = e == start ? e + 1 : e;
        return a == actions.Length ? MatchOutcome.Match : MatchOutcome.NoMatch;
    }

    /// <summary>
    /// <c>sequenceMatch</c> and <c>sequenceCount</c> of a pattern without time elements, in one
    /// forward pass: the same answer as the backtracking search of <see cref="MatchFrom"/> (see
    /// docs/kernels/sequences.md). Such a pattern is fixed-width segments joined by <c>.*</c>;
    /// the search tries segment starts in lexicographic order, so the match it finds places
    /// each segment at its earliest fit after the one before — which is what this pass does.
    /// Only for subjects with at least one event and at most <see cref="LinearLimit"/>, where the
    /// search cannot reach its step limit.
    /// </summary>
    public int CountLinearly(ReadOnlySpan<uint> masks)
    {
        Debug.Assert(_segments is not null && masks.Length > 0 && masks.Length <= LinearLimit);
        var segments = _segments;
        int count = 0, position = 0;
        while (position < masks.Length)
        {
            var e = position;
            foreach (var segment in segments)
            {
                e = FindSegment(masks, segment, e);
                if (e < 0)
                {
                    return count;
                }

                e += segment.Length;
            }

            count++;
            position = e == position ? position + 1 : e;
        }

        return count;
    }

    /// <summary>The first event at or after <paramref name="from"/> where every element of the segment fits; -1 when none.</summary>
    private static int FindSegment(ReadOnlySpan<uint> masks, uint[] segment, int from)
    {
        var last = masks.Length - segment.Length;
        for (var q = from; q <= last; q++)
        {
            var j = 0;
            while (j < segment.Length && (masks[q + j] & segment[j]) != 0)
            {
                j++;
            }

            if (j == segment.Length)
            {
                return q;
            }
        }

        return -1;
    }

    /// <summary>The segments between stars: per element the condition bits it accepts (every bit for <c>.</c>).</summary>
    private static uint[][] Segments(SequencePattern pattern)
    {
        var segments = new List<uint[]>();
        var current = new List<uint>();
        foreach (var step in pattern.Steps)
        {
            if (step.Kind == SequenceStepKind.AnyEvents)
            {
                segments.Add([.. current]);
                current.Clear();
            }
            else
            {
                // Every event gathered satisfies some condition, so '.' accepts any mask but 0.
                current.Add(step.Kind == SequenceStepKind.Condition ? 1u << (step.Condition - 1) : uint.MaxValue);
            }
        }

        segments.Add([.. current]);
        return [.. segments];
    }

    /// <summary>
    /// The largest number of events n for which one backtracking attempt provably stays within
    /// <see cref="StepLimit"/>. Each step is an action tried at an event; the stars (the implicit
    /// leading one included) are the only choice points, star j is tried once per distinct
    /// non-decreasing choice of where stars 0..j stand — at most C(n + j, j + 1) — and each try
    /// costs the star's step plus at most one per element of the segment after it.
    /// </summary>
    private static int LargestSafeLength(uint[][] segments)
    {
        int low = 0, high = int.MaxValue - 1;
        while (low < high)
        {
            var mid = low + ((high - low + 1) / 2);
            if (MostSteps(segments, mid) <= StepLimit)
            {
                low = mid;
            }
            else
            {
                high = mid - 1;
            }
        }

        return low;
    }

    private static double MostSteps(uint[][] segments, long n)
    {
        double steps = 0, choices = 1;
        for (var j = 0; j < segments.Length; j++)
        {
            choices = choices * (n + j) / (j + 1); // C(n + j, j + 1)
            steps += choices * (1 + segments[j].Length);
        }

        return steps;
    }

    private static bool TimeHolds(Action action, long elapsed) => action.Kind switch
    {
        ActionKind.TimeAtMost => elapsed <= action.Limit,
        ActionKind.TimeLess => elapsed < action.Limit,
        ActionKind.TimeAtLeast => elapsed >= action.Limit,
        ActionKind.TimeMore => elapsed > action.Limit,
        _ => elapsed == action.Limit,
    };

    /// <summary>
    /// Returns to the latest choice point that still has an event to try, one event further on.
    /// Like ClickHouse, leaves the action, event and base of the last frame popped even when none is left.
    /// </summary>
    private static bool Backtrack(Frame[] stack, ref int depth, ref int a, ref int e, ref int b, int count)
    {
        while (depth > 0)
        {
            var frame = stack[--depth];
            a = frame.Action;
            e = frame.Event + 1;
            b = frame.Base;
            if (e < count)
            {
                return true;
            }
        }

        return false;
    }

    private static void Push(ref Frame[] stack, ref int depth, int a, int e, int b)
    {
        if (depth == stack.Length)
        {
            Array.Resize(ref stack, Math.Max(16, stack.Length * 2));
        }

        stack[depth++] = new Frame(a, e, b);
    }

    private static ActionKind TimeKind(SequenceStepKind kind) => kind switch
    {
        SequenceStepKind.TimeAtMost => ActionKind.TimeAtMost,
        SequenceStepKind.TimeLess => ActionKind.TimeLess,
        SequenceStepKind.TimeAtLeast => ActionKind.TimeAtLeast,
        SequenceStepKind.TimeMore => ActionKind.TimeMore,
        _ => ActionKind.TimeExactly,
    };

    /// <summary>A choice point of the backtracking search: the action, the event it was tried at, and the base event of time elements.</summary>
    internal readonly record struct Frame(int Action, int Event, int Base);

    private enum ActionKind : byte
    {
        Condition,
        Any,
        Star,
        TimeAtMost,
        TimeLess,
        TimeAtLeast,
        TimeMore,
        TimeExactly,
    }

    private readonly record struct Action(ActionKind Kind, uint Bit, long Limit)
    {
        /// <summary>ClickHouse lets these match nothing at the end of the events: stars, upper bounds, and a lower bound of zero.</summary>
        public bool MatchesEmpty => Kind is ActionKind.Star or ActionKind.TimeAtMost or ActionKind.TimeLess
            || (Kind == ActionKind.TimeAtLeast && Limit == 0);
    }
}
