namespace Waymark.Storage.DuckDb.Journeys;

/// <summary>Whether a task is still to do. Stored as the words <c>open</c> and <c>done</c>.</summary>
public enum JourneyTaskStatus
{
    /// <summary>Not done yet.</summary>
    Open,

    /// <summary>Marked done.</summary>
    Done,
}

/// <summary>A task a contingency created for an owner.</summary>
/// <param name="Id">The task's number, unique in the database, from 1.</param>
/// <param name="MapId">The journey map whose contingency created it.</param>
/// <param name="Subject">The account or person the instance follows.</param>
/// <param name="InstanceNumber">The instance's number.</param>
/// <param name="ContingencyId">The contingency that created it.</param>
/// <param name="Title">What to do.</param>
/// <param name="Owner">Who must do it, in the written owner form (<c>customer-success</c>, <c>customer:champion</c>, <c>vendor</c>…).</param>
/// <param name="Note">More context; null when the map gave none.</param>
/// <param name="CreatedAt">When the firing was recorded (UTC).</param>
/// <param name="DueAt">The firing's time plus the task's <c>due_in</c> (UTC).</param>
/// <param name="Status">Open or done.</param>
/// <param name="DoneAt">When it was marked done; null while open.</param>
public sealed record JourneyTask(
    long Id,
    string MapId,
    string Subject,
    int InstanceNumber,
    string ContingencyId,
    string Title,
    string Owner,
    string? Note,
    DateTime CreatedAt,
    DateTime DueAt,
    JourneyTaskStatus Status,
    DateTime? DoneAt);

/// <summary>Which tasks to list: each filter given must hold; null lets everything through.</summary>
/// <param name="Status">Only tasks with this status; null: open and done.</param>
/// <param name="Owner">Only tasks of this owner, compared exactly with the written form.</param>
/// <param name="MapId">Only tasks of this map.</param>
public sealed record TaskFilter(JourneyTaskStatus? Status = null, string? Owner = null, string? MapId = null);

/// <summary>What marking a task done did.</summary>
public enum TaskCompletion
{
    /// <summary>The task was open and is now done.</summary>
    Done,

    /// <summary>The task was already done; nothing changed (its first done time is kept).</summary>
    AlreadyDone,

    /// <summary>No task has that id.</summary>
    NotFound,
}
