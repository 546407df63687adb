namespace Waymark.Core.Journeys;

/// <summary>
/// A step the customer must take towards the goal, named as the customer would say it. It is
/// reached at the time of the event that first makes <see cref="When"/> true, at or after the
/// journey's start, even when its <see cref="After"/> milestones are not reached yet (conformance
/// then reports it out of order).
/// </summary>
/// <param name="Id">Unique in the map: lower-case letters, digits and hyphens, starting with a letter.</param>
/// <param name="Name">The milestone in the customer's words.</param>
/// <param name="When">The condition that reaches it; never <see cref="InactiveFor"/>.</param>
/// <param name="After">The milestones it is designed to follow (resolved: the default is already applied); empty for any time.</param>
/// <param name="ExpectedWithin">Due this long after the journey's start; null when not given.</param>
/// <param name="ExpectedAfter">Due this long after the latest reach time of <paramref name="After"/>; null when not given. At most one of the two is set.</param>
/// <param name="Owner">Who is accountable for reaching it; the customer when not given.</param>
/// <param name="Value">The value the customer perceives when it is reached; empty when not given.</param>
/// <param name="Optional">True when the journey can complete without it; optional milestones never make a journey at risk.</param>
public sealed record Milestone(
    string Id,
    string Name,
    JourneyCondition When,
    IReadOnlyList<string> After,
    TimeSpan? ExpectedWithin,
    TimeSpan? ExpectedAfter,
    Owner Owner,
    IReadOnlyList<JourneyValue> Value,
    bool Optional);
