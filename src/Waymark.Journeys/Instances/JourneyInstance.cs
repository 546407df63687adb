using Waymark.Core.Journeys;
using Waymark.Core.Model;

namespace Waymark.Journeys.Instances;

/// <summary>
/// One subject's travel on one journey, from the event that started it, as evaluated at
/// <see cref="EvaluatedAt"/>: the milestones reached and when, the status with its reason in words,
/// the value realized, and every contingency that fired. Batch evaluation and the tracker give equal
/// instances for the same events, whatever order those arrived in.
/// </summary>
public sealed record JourneyInstance
{
    /// <summary>The journey map's id.</summary>
    public required string MapId { get; init; }

    /// <summary>The map version the instance was evaluated with.</summary>
    public required int MapVersion { get; init; }

    /// <summary>The subject: an account id or a person id, as the map's <c>subject</c> says.</summary>
    public required string Subject { get; init; }

    /// <summary>1 for the subject's first instance of this journey, 2 for the next (maps with <c>repeat: true</c>), …</summary>
    public required int Number { get; init; }

    /// <summary>When <c>starts_when</c> matched: the journey's start.</summary>
    public required DateTime Start { get; init; }

    /// <summary>When the instance completed or was abandoned; null while it is open.</summary>
    public DateTime? End { get; init; }

    /// <summary>The status at <see cref="EvaluatedAt"/> (for an ended instance, how it ended).</summary>
    public required JourneyStatus Status { get; init; }

    /// <summary>Since when the status holds.</summary>
    public required DateTime StatusSince { get; init; }

    /// <summary>Why, in words, naming the milestone, the times and the rule.</summary>
    public required string Reason { get; init; }

    /// <summary>Each milestone of the map, in map order.</summary>
    public required IReadOnlyList<MilestoneProgress> Milestones { get; init; }

    /// <summary>When each touchpoint was delivered (null: not yet), in map order.</summary>
    public required IReadOnlyList<DateTime?> Touchpoints { get; init; }

    /// <summary>Value realized: summed per dimension and unit over reached milestones (and the map's own value once completed).</summary>
    public required IReadOnlyList<JourneyValue> ValueRealized { get; init; }

    /// <summary>The latest milestone reach time, or the start.</summary>
    public required DateTime ProgressAt { get; init; }

    /// <summary>The latest event of the subject in the instance (or the start).</summary>
    public required DateTime LastEventAt { get; init; }

    /// <summary>The latest deviation (an <c>off_track_when</c> match) during the instance; null when none.</summary>
    public DateTime? DeviatedAt { get; init; }

    /// <summary>Contingencies that fired, in the order they fired.</summary>
    public required IReadOnlyList<ContingencyFiring> Firings { get; init; }

    /// <summary>For an account journey with a buying group: each expected role and whether it is engaged; null otherwise.</summary>
    public IReadOnlyList<RoleEngagement>? BuyingGroup { get; init; }

    /// <summary>The time the status was evaluated at.</summary>
    public required DateTime EvaluatedAt { get; init; }

    /// <summary>True while the instance is neither completed nor abandoned.</summary>
    public bool IsOpen => End is null;
}

/// <summary>Where one milestone of an instance stands.</summary>
/// <param name="Id">The milestone's id.</param>
/// <param name="ReachedAt">When it was reached; null when not (yet).</param>
/// <param name="DueAt">When it is due; null when it has no timetable, or counts from milestones not reached yet.</param>
/// <param name="OutOfOrder">True when it was reached before one of its <c>after</c> milestones.</param>
/// <param name="Repeats">
/// How many times the customer went back to it: instants at which an event its condition matches
/// happened again after a milestone designed after it was reached, and the event counts towards no
/// milestone still to reach (so continued progress is not a repeat). 0 when never.
/// </param>
public readonly record struct MilestoneProgress(string Id, DateTime? ReachedAt, DateTime? DueAt, bool OutOfOrder, int Repeats = 0);

/// <summary>One firing of a contingency for an instance: what fired, when and why.</summary>
/// <param name="ContingencyId">The contingency's id in the map.</param>
/// <param name="At">When its trigger first held.</param>
/// <param name="Reason">The trigger in words, with its times.</param>
public readonly record struct ContingencyFiring(string ContingencyId, DateTime At, string Reason);

/// <summary>An expected role of a buying group, and its latest event in the account.</summary>
/// <param name="Role">The role.</param>
/// <param name="LastEventAt">The latest event of a person with that role (at or before the evaluation time); null when none.</param>
/// <param name="Engaged">True when that event lies within the map's <c>engaged_within</c> before the evaluation time.</param>
public readonly record struct RoleEngagement(Role Role, DateTime? LastEventAt, bool Engaged);
