using Waymark.Core.Conditions;
using Waymark.Engine.Execution;

namespace Waymark.Engine.Kernels.Paths;

/// <summary>
/// What <see cref="PathFlows.Run"/> computes: the paths subjects take from a start event (or to an
/// end event), step by step, for a Sankey chart. Per subject, or per session when
/// <see cref="SessionGap"/> is set, the events inside the scope's range are taken in order (time,
/// then source row); events named in <see cref="Excluded"/> are dropped as if absent. The anchor is
/// the first remaining event matching <see cref="Start"/> (or <see cref="End"/>; with neither, the
/// first remaining event). The path is the anchor and the next events after it (with
/// <see cref="End"/>: before it), <see cref="Depth"/> events at most, with immediate repeats of a
/// name collapsed into one when <see cref="CollapseRepeats"/> is set. A subject or session without
/// an anchor has no path.
/// </summary>
/// <param name="Scope">The subjects and the time range.</param>
public sealed record PathsQuery(QueryScope Scope)
{
    /// <summary>Paths start at the first event matching this (step 0, then steps 1, 2, …); null for none.</summary>
    public EventCondition? Start { get; init; }

    /// <summary>Paths end at the first event matching this (step 0, after steps …, -2, -1); null for none. Not with <see cref="Start"/>.</summary>
    public EventCondition? End { get; init; }

    /// <summary>The most events a path holds, the anchor included: 2 to 20 (default 5).</summary>
    public int Depth { get; init; } = 5;

    /// <summary>When true, an event with the same name as the event kept just before it (in the path's direction) is skipped: A A B reads A B.</summary>
    public bool CollapseRepeats { get; init; }

    /// <summary>Event names dropped before anything else, as if they never happened (they still count for <see cref="SessionGap"/>).</summary>
    public IReadOnlyList<string> Excluded { get; init; } = [];

    /// <summary>
    /// At each step, the names with the most paths that keep their own node: 1 to 1000 (default 10).
    /// The other names of the step become one "other" node (ties at the cut broken by name, ordinal).
    /// </summary>
    public int NodesPerStep { get; init; } = 10;

    /// <summary>How many of the most frequent whole paths to list in <see cref="PathFlow.Top"/>: 0 to 1000 (default 10).</summary>
    public int TopPaths { get; init; } = 10;

    /// <summary>
    /// When set, a subject's events are cut into sessions wherever the time from one event in the
    /// range to the next exceeds this gap (strictly), and each session has its own path; null for
    /// one path per subject.
    /// </summary>
    public TimeSpan? SessionGap { get; init; }
}
