using Waymark.Core.Conditions;
using Waymark.Engine.Execution;
using Waymark.Engine.Kernels.Statistics;

namespace Waymark.Engine.Kernels.Durations;

/// <summary>
/// What <see cref="MilestoneTimes.Run"/> measures: per subject, a chain of milestones in order —
/// milestone 1 is the subject's first event matching the first condition; milestone k+1 is the
/// first event matching condition k+1 that comes after milestone k's event (time, then source row)
/// — and the time from each milestone to the next. Only events inside the scope's range count.
/// </summary>
/// <param name="Scope">The subjects and the time range.</param>
/// <param name="Milestones">The conditions, in order; at least two.</param>
public sealed record MilestoneQuery(QueryScope Scope, IReadOnlyList<EventCondition> Milestones)
{
    /// <summary>At most how many histogram bins (1 to 1000).</summary>
    public int HistogramBins { get; init; } = DurationStats.DefaultBins;
}

/// <summary>The answer of a <see cref="MilestoneQuery"/>.</summary>
/// <param name="Stages">One per milestone, in order.</param>
/// <param name="Total">From the first milestone to the last, over subjects reaching the last; null when none did.</param>
public sealed record MilestoneDurations(IReadOnlyList<MilestoneStage> Stages, DurationStats? Total);

/// <summary>One milestone of a chain.</summary>
/// <param name="Milestone">Its condition.</param>
/// <param name="Reached">Subjects whose chain reaches it.</param>
/// <param name="FromPrevious">The time from the previous milestone to this one (milliseconds) over those subjects; null for the first milestone and when nobody reached it.</param>
public sealed record MilestoneStage(EventCondition Milestone, long Reached, DurationStats? FromPrevious);
