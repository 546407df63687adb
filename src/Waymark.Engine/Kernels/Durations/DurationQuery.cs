using Waymark.Core.Conditions;
using Waymark.Engine.Execution;
using Waymark.Engine.Kernels.Statistics;

namespace Waymark.Engine.Kernels.Durations;

/// <summary>Which matching event of a subject a duration is measured from or to.</summary>
public enum Occurrence
{
    /// <summary>The earliest matching event (ties in time: the lowest source row).</summary>
    First,

    /// <summary>The latest matching event (ties in time: the highest source row).</summary>
    Last,
}

/// <summary>
/// What <see cref="TimeBetween.Run"/> measures: per subject, the time from its A (an event
/// matching <paramref name="From"/>: the first or the last, per <see cref="FromOccurrence"/>) to
/// its B, an event matching <paramref name="To"/> that comes after A in the subject's order (time,
/// then source row; a B at A's very time but a later row counts, with duration 0): the first such
/// B or the last one, per <see cref="ToOccurrence"/>. Only events inside the scope's range count.
/// </summary>
/// <param name="Scope">The subjects and the time range.</param>
/// <param name="From">A's condition.</param>
/// <param name="To">B's condition.</param>
public sealed record DurationQuery(QueryScope Scope, EventCondition From, EventCondition To)
{
    /// <summary>Which A: the subject's first matching event (default) or its last.</summary>
    public Occurrence FromOccurrence { get; init; } = Occurrence.First;

    /// <summary>Which B among those after A: the first (default) or the last.</summary>
    public Occurrence ToOccurrence { get; init; } = Occurrence.First;

    /// <summary>At most how many histogram bins (1 to 1000).</summary>
    public int HistogramBins { get; init; } = DurationStats.DefaultBins;

    /// <summary>When true, the result lists every completing subject's duration.</summary>
    public bool PerSubject { get; init; }
}

/// <summary>The answer of a <see cref="DurationQuery"/>.</summary>
/// <param name="Started">Subjects of the scope with an A.</param>
/// <param name="Completed">Those of them with a B after their A.</param>
/// <param name="Times">The statistics of the completing subjects' durations (milliseconds); null when none completed.</param>
/// <param name="Subjects">When asked, each completing subject and its duration, in subject-code order; else null.</param>
public sealed record DurationResult(long Started, long Completed, DurationStats? Times, IReadOnlyList<SubjectDuration>? Subjects);

/// <summary>One subject's duration in milliseconds.</summary>
/// <param name="Subject">The subject id.</param>
/// <param name="Duration">Milliseconds from A to B.</param>
public readonly record struct SubjectDuration(string Subject, long Duration);
