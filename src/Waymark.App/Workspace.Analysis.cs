using Waymark.Engine.Execution;
using Waymark.Engine.Kernels.Durations;
using Waymark.Engine.Kernels.Frequency;
using Waymark.Engine.Kernels.Funnels;
using Waymark.Engine.Kernels.Paths;
using Waymark.Engine.Kernels.Retention;
using Waymark.Engine.Kernels.Sequences;
using Waymark.Engine.Kernels.Variants;
using Waymark.Engine.Snapshot;

namespace Waymark.App;

public sealed partial class Workspace
{
    /// <summary>A funnel over the current snapshot of <paramref name="kind"/> subjects.</summary>
    public FunnelResult Funnel(SubjectKind kind, FunnelQuery query, QueryScope scope) =>
        Engine.Kernels.Funnels.Funnel.Run(Snapshot(kind), query, scope);

    /// <summary>The directly-follows graph.</summary>
    public PathGraph DirectlyFollows(SubjectKind kind, DirectlyFollowsQuery query) =>
        Engine.Kernels.Paths.DirectlyFollows.Run(Snapshot(kind), query);

    /// <summary>Paths from a start event or to an end event, for a Sankey chart.</summary>
    public PathFlow Paths(SubjectKind kind, PathsQuery query) => PathFlows.Run(Snapshot(kind), query);

    /// <summary>Trace variants, most common first.</summary>
    public VariantSet Variants(SubjectKind kind, VariantsQuery query) => TraceVariants.Run(Snapshot(kind), query);

    /// <summary>The time from A to B per subject.</summary>
    public DurationResult Durations(SubjectKind kind, DurationQuery query) => TimeBetween.Run(Snapshot(kind), query);

    /// <summary>The time between consecutive milestones.</summary>
    public MilestoneDurations Milestones(SubjectKind kind, MilestoneQuery query) => MilestoneTimes.Run(Snapshot(kind), query);

    /// <summary>Retention cohorts over the current snapshot of <paramref name="kind"/> subjects.</summary>
    public RetentionResult Retention(SubjectKind kind, RetentionQuery query, QueryScope scope) =>
        RetentionKernel.Run(Snapshot(kind), query, scope);

    /// <summary>Events per subject per period.</summary>
    public FrequencyResult Frequency(SubjectKind kind, FrequencyQuery query, QueryScope scope) =>
        FrequencyKernel.Run(Snapshot(kind), query, scope);

    /// <summary>The time between repeats of an event.</summary>
    public RepeatResult Repeats(SubjectKind kind, RepeatQuery query, QueryScope scope) =>
        RepeatKernel.Run(Snapshot(kind), query, scope);

    /// <summary>Subjects matching a ClickHouse-style sequence pattern, and how often.</summary>
    public SequenceResult Sequence(SubjectKind kind, SequenceQuery query, QueryScope scope) =>
        SequenceKernel.Run(Snapshot(kind), query, scope);
}
