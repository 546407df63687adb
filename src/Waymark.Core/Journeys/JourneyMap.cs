using Waymark.Core.Conditions;

namespace Waymark.Core.Journeys;

/// <summary>
/// A journey map (format 1): the customer's goal, the milestones that reach it with their
/// timetable and value, the vendor's touchpoints that serve them, and the contingencies that act
/// when a customer deviates or stalls. Read with <see cref="JourneyMapReader"/>; the reference is
/// docs/journey-maps.md. A journey instance ends completed when every milestone that is not
/// optional is reached, or abandoned when <see cref="AbandonsWhen"/> becomes true, whichever comes first.
/// </summary>
public sealed record JourneyMap
{
    /// <summary>The only format version this Waymark reads and writes.</summary>
    public const int CurrentFormat = 1;

    /// <summary>The format version the file declared (always <see cref="CurrentFormat"/> once read).</summary>
    public int Format { get; init; } = CurrentFormat;

    /// <summary>Unique among maps: lower-case letters, digits and hyphens, starting with a letter.</summary>
    public required string Id { get; init; }

    /// <summary>The journey's name, for people.</summary>
    public required string Name { get; init; }

    /// <summary>Whose journey this is; a <see cref="Journeys.Perspective.Vendor"/> map is labelled so wherever it is shown.</summary>
    public required Perspective Perspective { get; init; }

    /// <summary>True for a vendor map: a vendor process, not a customer journey.</summary>
    public bool IsVendorMap => Perspective == Perspective.Vendor;

    /// <summary>The goal, in the customer's words.</summary>
    public required string Goal { get; init; }

    /// <summary>Free text for the map's readers (why it exists, what it assumes); null when not given.</summary>
    public string? Description { get; init; }

    /// <summary>The kind of journey by adoption stage; <see cref="JourneyKind.Other"/> when not given.</summary>
    public JourneyKind Kind { get; init; } = JourneyKind.Other;

    /// <summary>Where in the lifecycle the journey sits; null when not given.</summary>
    public LifecycleStage? Lifecycle { get; init; }

    /// <summary>Who travels it; <see cref="JourneySubject.Account"/> when not given.</summary>
    public JourneySubject Subject { get; init; } = JourneySubject.Account;

    /// <summary>
    /// Who takes the journey, over the subject's traits (an account's, or a person's merged over
    /// their account's); for person subjects the key <c>role</c> tests the person's roles in the account.
    /// </summary>
    public Cohort AppliesTo { get; init; } = Cohort.Everyone;

    /// <summary>The condition whose first match (for a subject in <see cref="AppliesTo"/>) starts an instance; its time is the start.</summary>
    public required JourneyCondition StartsWhen { get; init; }

    /// <summary>The condition that abandons an instance; null when the journey is never abandoned.</summary>
    public JourneyCondition? AbandonsWhen { get; init; }

    /// <summary>True when a subject can start the journey again after an instance ends (renewals).</summary>
    public bool Repeat { get; init; }

    /// <summary>
    /// How long without progress or activity makes an instance stalled; null for the default:
    /// the longest interval among the frontier milestones (due time minus the time it counts from).
    /// </summary>
    public TimeSpan? StallAfter { get; init; }

    /// <summary>The expected roles of an account journey's buying group; null when the map names none.</summary>
    public BuyingGroup? BuyingGroup { get; init; }

    /// <summary>The milestones in file order; at least one is not optional.</summary>
    public required IReadOnlyList<Milestone> Milestones { get; init; }

    /// <summary>The vendor layer: touchpoints in file order.</summary>
    public IReadOnlyList<Touchpoint> Touchpoints { get; init; } = [];

    /// <summary>Deviations from the designed path: any of them matching after the latest progress makes an instance off-track.</summary>
    public IReadOnlyList<JourneyCondition> OffTrackWhen { get; init; } = [];

    /// <summary>What to do when customers deviate or stall, in file order.</summary>
    public IReadOnlyList<Contingency> Contingencies { get; init; } = [];

    /// <summary>The value of the goal as a whole, realized when an instance completes; empty when not given.</summary>
    public IReadOnlyList<JourneyValue> Value { get; init; } = [];

    /// <summary>The milestone with this id, or null.</summary>
    public Milestone? Milestone(string id) => Milestones.FirstOrDefault(m => string.Equals(m.Id, id, StringComparison.Ordinal));

    /// <summary>Every condition of the map: start, abandonment, milestones, touchpoints, deviations and contingency conditions.</summary>
    public IEnumerable<JourneyCondition> Conditions()
    {
        yield return StartsWhen;
        if (AbandonsWhen is not null)
        {
            yield return AbandonsWhen;
        }

        foreach (var condition in Milestones.Select(m => m.When).Concat(Touchpoints.Select(t => t.DeliveredWhen)).Concat(OffTrackWhen))
        {
            yield return condition;
        }

        foreach (var contingency in Contingencies)
        {
            if (contingency.When is ConditionMet met)
            {
                yield return met.Condition;
            }
        }
    }
}
