namespace Waymark.Core.Journeys;

/// <summary>
/// Something the vendor (or a partner) does to serve the customer's milestones — a kickoff call,
/// a training, an email — recognised by the events it produces.
/// </summary>
/// <param name="Id">Unique in the map (milestones, touchpoints and contingencies share one set of ids).</param>
/// <param name="Name">What it is, as the team calls it.</param>
/// <param name="Owner">Who delivers it; the vendor when not given.</param>
/// <param name="Channel">How it reaches the customer (<c>meeting</c>, <c>email</c>, <c>in-app</c>…); null when not given.</param>
/// <param name="Supports">The milestones it serves; empty when it serves the journey as a whole.</param>
/// <param name="DeliveredWhen">The condition that shows it was delivered; never <see cref="InactiveFor"/>.</param>
/// <param name="ExpectedWithin">Due this long after the journey's start; null when not given.</param>
public sealed record Touchpoint(
    string Id,
    string Name,
    Owner Owner,
    string? Channel,
    IReadOnlyList<string> Supports,
    JourneyCondition DeliveredWhen,
    TimeSpan? ExpectedWithin);
