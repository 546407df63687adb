namespace Waymark.Engine.Kernels.Sequences;

/// <summary>What one element of a sequence pattern does.</summary>
public enum SequenceStepKind
{
    /// <summary><c>(?N)</c>: the next event must satisfy condition N.</summary>
    Condition,

    /// <summary><c>.</c>: exactly one event, any of the events that satisfy at least one condition.</summary>
    AnyEvent,

    /// <summary><c>.*</c>: any number of such events, zero included.</summary>
    AnyEvents,

    /// <summary><c>(?t&lt;=N)</c>: the next matched event is at most N seconds after the previous one.</summary>
    TimeAtMost,

    /// <summary><c>(?t&lt;N)</c>: less than N seconds after.</summary>
    TimeLess,

    /// <summary><c>(?t&gt;=N)</c>: at least N seconds after.</summary>
    TimeAtLeast,

    /// <summary><c>(?t&gt;N)</c>: more than N seconds after.</summary>
    TimeMore,

    /// <summary><c>(?t==N)</c>: exactly N seconds after.</summary>
    TimeExactly,
}

/// <summary>
/// One element of a parsed sequence pattern.
/// </summary>
/// <param name="Kind">What the element does.</param>
/// <param name="Condition">For <see cref="SequenceStepKind.Condition"/>, the 1-based condition number; otherwise 0.</param>
/// <param name="Seconds">For the time elements, the N of <c>(?t op N)</c> in seconds; otherwise 0.</param>
/// <param name="Position">Where the element starts in the pattern text (0-based).</param>
public readonly record struct SequenceStep(SequenceStepKind Kind, int Condition, long Seconds, int Position)
{
    /// <summary>True for the <c>(?t op N)</c> elements.</summary>
    public bool IsTime => Kind >= SequenceStepKind.TimeAtMost;

    /// <summary>The element in pattern syntax.</summary>
    public override string ToString() => Kind switch
    {
        SequenceStepKind.Condition => $"(?{Condition})",
        SequenceStepKind.AnyEvent => ".",
        SequenceStepKind.AnyEvents => ".*",
        SequenceStepKind.TimeAtMost => $"(?t<={Seconds})",
        SequenceStepKind.TimeLess => $"(?t<{Seconds})",
        SequenceStepKind.TimeAtLeast => $"(?t>={Seconds})",
        SequenceStepKind.TimeMore => $"(?t>{Seconds})",
        _ => $"(?t=={Seconds})",
    };
}
