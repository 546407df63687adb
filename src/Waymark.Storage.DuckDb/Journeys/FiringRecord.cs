using Waymark.Core.Journeys;

namespace Waymark.Storage.DuckDb.Journeys;

/// <summary>
/// A contingency firing to record, with the actions its contingency runs. Its key is
/// (<see cref="MapId"/>, <see cref="Subject"/>, <see cref="InstanceNumber"/>, <see cref="ContingencyId"/>):
/// a firing with a key already recorded is not recorded again and runs no action.
/// </summary>
/// <param name="MapId">The journey map's id.</param>
/// <param name="MapVersion">The map version the instance was evaluated with.</param>
/// <param name="SubjectKind">Whether <paramref name="Subject"/> is an account or a person (for tags).</param>
/// <param name="Subject">The account or person id.</param>
/// <param name="InstanceNumber">The instance's number (1 for the subject's first instance of the journey).</param>
/// <param name="InstanceStatus">The instance's status when it was evaluated (sent in the webhook payload).</param>
/// <param name="ContingencyId">The contingency's id in the map.</param>
/// <param name="FiredAt">When the trigger first held (UTC); tasks are due this plus their <c>due_in</c>.</param>
/// <param name="Reason">The trigger in words, with its times.</param>
/// <param name="Actions">The contingency's actions, run (in this order) only when the firing is new.</param>
public sealed record FiringRecord(
    string MapId,
    int MapVersion,
    JourneySubject SubjectKind,
    string Subject,
    int InstanceNumber,
    JourneyStatus InstanceStatus,
    string ContingencyId,
    DateTime FiredAt,
    string Reason,
    IReadOnlyList<ContingencyAction> Actions);
