namespace Waymark.Engine.Kernels.Funnels;

/// <summary>The answer of a funnel: per step over every subject in scope, and per breakdown value.</summary>
/// <param name="Steps">One entry per step of the query, in order, over all subjects.</param>
/// <param name="Breakdowns">One entry per breakdown value (empty without a breakdown), most subjects at the first step first, then by value.</param>
/// <param name="Excluded">Subjects left out because an exclusion step broke the chain kept for their deepest step.</param>
public sealed record FunnelResult(IReadOnlyList<FunnelStepResult> Steps, IReadOnlyList<FunnelBreakdownResult> Breakdowns, long Excluded);

/// <summary>The funnel of the subjects that share one breakdown value.</summary>
/// <param name="Value">The value as a person reads it; null when the subject has no such trait or property.</param>
/// <param name="Steps">One entry per step, as in <see cref="FunnelResult.Steps"/>.</param>
public sealed record FunnelBreakdownResult(string? Value, IReadOnlyList<FunnelStepResult> Steps);

/// <summary>One step of a funnel's answer.</summary>
/// <param name="Index">The step's index, from 0.</param>
/// <param name="Label">The step's label.</param>
/// <param name="Reached">
/// Subjects that reached the step: their deepest step is this one or later (for an optional step:
/// and the chain kept for them did it).
/// </param>
/// <param name="ConversionFromPrevious">
/// <see cref="Reached"/> divided by the subjects that reached the nearest earlier step that is not
/// optional; 1 for the first step; null when that count is 0.
/// </param>
/// <param name="ConversionFromFirst"><see cref="Reached"/> divided by the subjects at step 0; null when none.</param>
/// <param name="TimeToConvert">
/// Statistics of the time from the first step to the moment each subject first reached this step
/// (null for step 0 and when no subject reached it).
/// </param>
/// <param name="DroppedOff">
/// On request (<see cref="FunnelQuery.IncludeDropOffs"/>): ids of the subjects whose deepest step is the
/// one before this (so they reached the previous step and not this one), sorted ordinally; null
/// otherwise and for step 0.
/// </param>
public sealed record FunnelStepResult(
    int Index,
    string Label,
    long Reached,
    double? ConversionFromPrevious,
    double? ConversionFromFirst,
    TimeToConvert? TimeToConvert,
    IReadOnlyList<string>? DroppedOff);

/// <summary>
/// How long subjects took to reach a step, in milliseconds: for each subject, the time from the
/// first-step event of the chain that first reached the step to the event that reached it.
/// Percentiles are exact nearest-rank values: the <c>⌈p·n⌉</c>-th smallest of the <c>n</c> times.
/// </summary>
/// <param name="Subjects">How many times were measured (= subjects that reached the step).</param>
/// <param name="MedianMs">The 50th percentile.</param>
/// <param name="P90Ms">The 90th percentile.</param>
/// <param name="MinMs">The shortest.</param>
/// <param name="MaxMs">The longest.</param>
/// <param name="Histogram">
/// Equal bins from 0: bin <c>i</c> counts times in <c>[i·w, (i+1)·w)</c> with width
/// <c>w = max(1, ⌈(MaxMs + 1) / bins⌉)</c>; trailing empty bins are kept.
/// </param>
public sealed record TimeToConvert(long Subjects, long MedianMs, long P90Ms, long MinMs, long MaxMs, IReadOnlyList<HistogramBin> Histogram);

/// <summary>One histogram bin: times in <c>[FromMs, ToMs)</c>.</summary>
/// <param name="FromMs">First millisecond included.</param>
/// <param name="ToMs">First millisecond excluded.</param>
/// <param name="Subjects">How many subjects' times fall in the bin.</param>
public sealed record HistogramBin(long FromMs, long ToMs, long Subjects);
