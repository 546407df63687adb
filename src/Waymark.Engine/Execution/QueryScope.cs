using Waymark.Core.Conditions;
using Waymark.Engine.Snapshot;

namespace Waymark.Engine.Execution;

/// <summary>
/// What every kernel is asked about: the subjects of a cohort, and the events inside a time
/// range. Events outside the range are ignored as if absent (as a SQL <c>WHERE</c> would);
/// subjects outside the cohort are not counted.
/// </summary>
/// <param name="Cohort">Which subjects count.</param>
/// <param name="Range">Which event times count.</param>
public sealed record QueryScope(Cohort Cohort, TimeRange Range)
{
    /// <summary>Every subject, every event.</summary>
    public static QueryScope Everything { get; } = new(Cohort.Everyone, TimeRange.All);
}
