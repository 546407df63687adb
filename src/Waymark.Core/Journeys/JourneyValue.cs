namespace Waymark.Core.Journeys;

/// <summary>
/// Value the customer perceives when a milestone is reached (or, on the map, when the goal is
/// realized), such as <c>{ dimension: economic, amount: 2000, unit: USD/month, note: analyst hours saved }</c>.
/// Value realized is summed per dimension and unit over reached milestones; different units are never added.
/// </summary>
/// <param name="Dimension">Economic, functional, experiential or symbolic.</param>
/// <param name="Amount">How much, in <paramref name="Unit"/>; zero or more.</param>
/// <param name="Unit">What the amount counts, as written (<c>USD/month</c>, <c>hours/week</c>, <c>report</c>).</param>
/// <param name="Note">What the value is, in the customer's words; null when not given.</param>
public sealed record JourneyValue(ValueDimension Dimension, double Amount, string Unit, string? Note = null)
{
    /// <summary>Says the value in words: <c>2000 USD/month (economic: analyst hours saved)</c>.</summary>
    public override string ToString() =>
        $"{Amount.ToString(System.Globalization.CultureInfo.InvariantCulture)} {Unit} ({JourneyNames.Of(Dimension)}{(Note is null ? "" : ": " + Note)})";
}
