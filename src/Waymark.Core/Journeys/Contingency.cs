namespace Waymark.Core.Journeys;

/// <summary>
/// What to do when a customer deviates or stalls: when <see cref="When"/> first holds for a
/// journey instance, every action of <see cref="Do"/> runs, once per instance and contingency,
/// and the firing is recorded (what, when, why).
/// </summary>
/// <param name="Id">Unique in the map; <c>contingency-N</c> (N counting from 1 in file order) when not given.</param>
/// <param name="When">The trigger.</param>
/// <param name="Do">The actions, at least one, in the order written.</param>
public sealed record Contingency(string Id, ContingencyTrigger When, IReadOnlyList<ContingencyAction> Do);

/// <summary>When a contingency fires: <see cref="MilestoneOverdue"/>, <see cref="MilestoneReached"/>, <see cref="StatusEntered"/> or <see cref="ConditionMet"/>.</summary>
public abstract record ContingencyTrigger
{
    private protected ContingencyTrigger()
    {
    }
}

/// <summary>
/// <c>{ milestone: ID, overdue_by: D }</c>: fires when the milestone is not reached at its due
/// time plus <see cref="By"/> (the milestone must have a timetable).
/// </summary>
/// <param name="MilestoneId">A milestone of the map with <c>expected_within</c> or <c>expected_after</c>.</param>
/// <param name="By">How long past the due time; zero fires as soon as it is overdue.</param>
public sealed record MilestoneOverdue(string MilestoneId, TimeSpan By) : ContingencyTrigger;

/// <summary><c>{ milestone: ID, reached: true }</c>: fires when the milestone is reached (to celebrate, or to start the next conversation).</summary>
/// <param name="MilestoneId">A milestone of the map.</param>
public sealed record MilestoneReached(string MilestoneId) : ContingencyTrigger;

/// <summary><c>{ status: S }</c>: fires when the instance's status becomes <see cref="Status"/>.</summary>
/// <param name="Status">Any status but <see cref="JourneyStatus.OnTrack"/>.</param>
public sealed record StatusEntered(JourneyStatus Status) : ContingencyTrigger;

/// <summary>Any condition (<c>{ event: competitor_outreach }</c>): fires when it first holds during the instance.</summary>
/// <param name="Condition">The condition, over events at or after the instance's start.</param>
public sealed record ConditionMet(JourneyCondition Condition) : ContingencyTrigger;

/// <summary>What a contingency does: a <see cref="CreateTask"/>, <see cref="AddTag"/>, <see cref="CallWebhook"/> or <see cref="Notify"/>.</summary>
public abstract record ContingencyAction
{
    private protected ContingencyAction()
    {
    }
}

/// <summary><c>task: { title, owner, due_in, note }</c>: a task for an owner, due <see cref="DueIn"/> after the firing.</summary>
/// <param name="Title">What to do, as an imperative sentence.</param>
/// <param name="Owner">Who must do it: a department, the vendor, the customer (mutual plans) or a partner.</param>
/// <param name="DueIn">Due this long after the contingency fired; positive.</param>
/// <param name="Note">More context for the owner; null when not given.</param>
public sealed record CreateTask(string Title, Owner Owner, TimeSpan DueIn, string? Note = null) : ContingencyAction;

/// <summary><c>tag: NAME</c>: puts a tag on the subject (the account or person), such as <c>at-risk</c>.</summary>
/// <param name="Tag">Lower-case letters, digits and hyphens.</param>
public sealed record AddTag(string Tag) : ContingencyAction;

/// <summary>
/// <c>webhook: { url }</c>: posts the firing as JSON to an absolute http or https URL, through a
/// durable outbox with retries; it never blocks ingestion.
/// </summary>
/// <param name="Url">The absolute http or https URL.</param>
public sealed record CallWebhook(Uri Url) : ContingencyAction;

/// <summary><c>notify: { to, message }</c>: a notification to a vendor department.</summary>
/// <param name="To">One of <see cref="JourneyNames.Departments"/>.</param>
/// <param name="Message">What to tell them.</param>
public sealed record Notify(string To, string Message) : ContingencyAction;
