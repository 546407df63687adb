using Waymark.Core.Model;

namespace Waymark.Core.Journeys;

/// <summary>
/// The roles an account journey expects to take part (a buying mission's decision maker,
/// economic buyer, technical buyer, champion…). A role is <i>engaged</i> when a person with it has
/// an event in the last <see cref="EngagedWithin"/> before evaluation time, and <i>missing</i> otherwise.
/// </summary>
/// <param name="Roles">The expected roles, at least one, each once.</param>
/// <param name="EngagedWithin">How recent a person's event must be for their role to count as engaged; 30 days when not given.</param>
public sealed record BuyingGroup(IReadOnlyList<Role> Roles, TimeSpan EngagedWithin)
{
    /// <summary>The window used when a map does not give <c>engaged_within</c>.</summary>
    public static TimeSpan DefaultEngagedWithin { get; } = TimeSpan.FromDays(30);
}
