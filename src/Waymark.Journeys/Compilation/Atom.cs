using Waymark.Core.Journeys;

namespace Waymark.Journeys.Compilation;

/// <summary>
/// One <see cref="EventMatch"/> of a map, numbered: bit <see cref="Index"/> of the match masks
/// that event sources compute. Equal matches written in several places share one atom.
/// </summary>
/// <param name="Index">The atom's bit, 0 to 63.</param>
/// <param name="Match">The condition leaf.</param>
/// <param name="DistinctSlot">Which distinct-value column the sources fill for it, or -1 when it counts events.</param>
/// <param name="RoleMask">The roles whose events count, as bits of <see cref="Core.Model.Role"/>; 0 for everyone.</param>
public sealed record Atom(int Index, EventMatch Match, int DistinctSlot, int RoleMask)
{
    /// <summary>The window in milliseconds, or 0 when there is none.</summary>
    public long WindowMs => Match.Within is { } w ? (long)w.TotalMilliseconds : 0;
}
