namespace Waymark.Engine.Kernels.Sequences;

/// <summary>
/// The answer to a <see cref="SequenceQuery"/> over a scope.
/// </summary>
/// <param name="SubjectsConsidered">Subjects of the cohort with at least one event (of any name) in the time range: the groups ClickHouse would form.</param>
/// <param name="SubjectsMatched">Subjects for which <c>sequenceMatch</c> is 1.</param>
/// <param name="TotalCount">The sum of <c>sequenceCount</c> over the subjects (over-limit subjects left out).</param>
/// <param name="SubjectsOverStepLimit">Subjects whose backtracking search took more than 1,000,000 steps in one attempt; ClickHouse fails the whole query there (TOO_SLOW). They count as neither matched nor counted.</param>
/// <param name="Subjects">Every considered subject with a match or a count above zero, or over the limit, in subject code order.</param>
public sealed record SequenceResult(
    int SubjectsConsidered,
    int SubjectsMatched,
    long TotalCount,
    int SubjectsOverStepLimit,
    IReadOnlyList<SubjectSequence> Subjects);

/// <summary>One subject's answer.</summary>
/// <param name="Subject">The subject code (see <see cref="Snapshot.EventLog.Subjects"/>).</param>
/// <param name="Id">The subject's id.</param>
/// <param name="Matched"><c>sequenceMatch</c>: the pattern occurs in the subject's events.</param>
/// <param name="Count"><c>sequenceCount</c>: how many non-overlapping occurrences, each searched for after the previous one's last event.</param>
/// <param name="OverStepLimit">The search gave up after 1,000,000 steps (see <see cref="SequenceResult.SubjectsOverStepLimit"/>); <see cref="Matched"/> and <see cref="Count"/> are then false and 0.</param>
public sealed record SubjectSequence(int Subject, string Id, bool Matched, int Count, bool OverStepLimit);
