using Waymark.Core.Conditions;

namespace Waymark.Engine.Kernels.Funnels;

/// <summary>
/// One step of a funnel: the events that complete it, whether the chain may skip it, and an
/// optional time limit from the previous step.
/// </summary>
/// <param name="Condition">Which events complete the step (name and property filters).</param>
public sealed record FunnelStep(EventCondition Condition)
{
    /// <summary>
    /// True when a chain may go on to the next step without this one (ordered funnels only; never
    /// the first or the last step). A subject is counted at an optional step only when the chain
    /// the funnel kept for it did the step.
    /// </summary>
    public bool Optional { get; init; }

    /// <summary>
    /// The longest time allowed from the event of the step before (the chain's previous step
    /// actually done) to this step's event, inclusive: <c>t ≤ previous + Within</c>. Null: only the
    /// funnel's <see cref="FunnelQuery.Window"/> applies. Whole milliseconds; ordered funnels only.
    /// </summary>
    public TimeSpan? Within { get; init; }

    /// <summary>The step's name in results; the condition's text when null.</summary>
    public string? Label { get; init; }

    /// <summary>A required step of events with this name.</summary>
    public static FunnelStep Named(string name) => new(EventCondition.Named(name));

    /// <summary>The label shown in results.</summary>
    public string DisplayLabel => Label ?? Condition.ToString();
}
