namespace Waymark.Core.Conditions;

/// <summary>
/// A selector over subject traits, such as <c>segment: [mid-market, enterprise]</c> and
/// <c>adoption_stage: main-street</c>: a subject belongs when every filter holds. The empty
/// cohort holds every subject.
/// </summary>
/// <param name="Filters">Trait filters, all of which must hold.</param>
public sealed record Cohort(IReadOnlyList<PropertyFilter> Filters)
{
    /// <summary>Every subject.</summary>
    public static Cohort Everyone { get; } = new([]);

    /// <summary>True when the cohort selects every subject.</summary>
    public bool IsEveryone => Filters.Count == 0;

    /// <summary>Says the cohort in the map syntax.</summary>
    public override string ToString() => IsEveryone ? "everyone" : string.Join(" and ", Filters);
}
