using Waymark.Engine.Execution;
using Waymark.Engine.Kernels.Frequency;
using Waymark.Engine.Kernels.Retention;
using Waymark.Engine.Kernels.Sequences;
using Waymark.Engine.Snapshot;

namespace Waymark.App;

public sealed partial class Workspace
{
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
