namespace Waymark.Core.Journeys.Reading;

/// <summary>Contingencies: triggers (milestone overdue or reached, status, condition) and actions (task, tag, webhook, notify).</summary>
internal sealed partial class MapParser
{
    private static readonly string[] ContingencyKeys = ["id", "when", "do"];
    private static readonly string[] MilestoneTriggerKeys = ["milestone", "overdue_by", "reached"];
    private static readonly string[] ActionKeys = ["task", "tag", "webhook", "notify"];
    private static readonly string[] TaskKeys = ["title", "owner", "due_in", "note"];
    private static readonly string[] NotifyKeys = ["to", "message"];
    private static readonly string[] TriggerStatuses = [.. JourneyNames.Statuses.Skip(1)];

    private List<Contingency> Contingencies(YNode node)
    {
        var result = new List<Contingency>();
        foreach (var (item, number) in Items(node, "contingencies"))
        {
            var peeked = PeekId(item);
            var what = Quote(peeked, "contingency", number);
            if (Fields.Read(_c, item, what, ContingencyKeys) is not { } f)
            {
                continue;
            }

            var id = $"contingency-{number}";
            if (f["id"] is { } idNode && _c.Id(idNode, ReadContext.In("id", what)) is { } given)
            {
                id = given;
                RegisterId(id, idNode, "contingency");
            }

            var trigger = Need(f, "when", what, "a trigger such as { milestone: first-report, overdue_by: 3d } or { status: stalled }") is { } w
                ? Trigger(w, ReadContext.In("when", what)) : null;
            var actions = Need(f, "do", what, "a list of actions: task, tag, webhook or notify") is { } d ? Actions(d, what) : [];
            if (trigger is not null)
            {
                result.Add(new Contingency(id, trigger, actions));
            }
        }

        return result;
    }

    private ContingencyTrigger? Trigger(YNode node, string what)
    {
        var keys = node is YMapping m ? m.Entries.Select(e => (e.Key as YScalar)?.Value).ToList() : [];
        if (keys.Contains("milestone"))
        {
            return MilestoneTrigger(node, what);
        }

        if (keys.Contains("status"))
        {
            var f = Fields.Read(_c, node, what, ["status"]);
            return f?["status"] is { } s && _c.OneOf(s, ReadContext.In("status", what), TriggerStatuses) is { } index
                ? new StatusEntered((JourneyStatus)(index + 1)) : null;
        }

        return Condition(node, what, eventOnly: false) is { } condition ? new ConditionMet(condition) : null;
    }

    private ContingencyTrigger? MilestoneTrigger(YNode node, string what)
    {
        if (Fields.Read(_c, node, what, MilestoneTriggerKeys) is not { } f || _c.Id(f["milestone"]!, ReadContext.In("milestone", what)) is not { } id)
        {
            return null;
        }

        var overdue = f["overdue_by"];
        var reached = f["reached"];
        if ((overdue is null) == (reached is null))
        {
            _c.Error(f.Node, $"{what}: expected exactly one of overdue_by (such as 3d, or 0d) and reached: true beside milestone");
            return null;
        }

        _milestoneRefs.Add(new(id, f["milestone"]!, ReadContext.In("milestone", what), NeedsTimetable: overdue is not null));
        if (overdue is not null)
        {
            return _c.Duration(overdue, ReadContext.In("overdue_by", what), allowZero: true) is { } by ? new MilestoneOverdue(id, by) : null;
        }

        if (_c.Bool(reached!, ReadContext.In("reached", what)) is false)
        {
            _c.Error(reached!, $"reached in {what}: expected true (a trigger fires when something happens; to act on a milestone not reached, use overdue_by)");
        }

        return new MilestoneReached(id);
    }

    private List<ContingencyAction> Actions(YNode node, string contingency)
    {
        var actions = new List<ContingencyAction>();
        var what = ReadContext.In("do", contingency);
        var items = _c.List(node, what) ?? [];
        if (node is YSequence && items.Count == 0)
        {
            _c.Error(node, $"{what}: expected at least one action: task, tag, webhook or notify; found an empty list");
        }

        for (var i = 0; i < items.Count; i++)
        {
            var itemWhat = $"do[{i + 1}] in {contingency}";
            if (Fields.Read(_c, items[i], itemWhat, ActionKeys) is not { } f)
            {
                continue;
            }

            if (f.Count != 1)
            {
                if (f.Count > 1 || f.Node.Entries.Count == 0)
                {
                    _c.Error(items[i], $"{itemWhat}: expected exactly one action: task, tag, webhook or notify; found {(f.Count > 1 ? f.Count + " actions in one item (write each as its own item)" : "an empty mapping")}");
                }

                continue;
            }

            if (Action(f, itemWhat) is { } action)
            {
                actions.Add(action);
            }
        }

        return actions;
    }

    private ContingencyAction? Action(Fields f, string what)
    {
        if (f["tag"] is { } tag)
        {
            if (tag is YScalar { IsNull: false } t && ReadContext.IsId(t.Value))
            {
                return new AddTag(t.Value);
            }

            _c.Error(tag, $"tag in {what}: expected a tag of lower-case letters, digits and hyphens (such as at-risk); found {tag.Describe()}");
            return null;
        }

        if (f["webhook"] is { } webhook)
        {
            var w = Fields.Read(_c, webhook, ReadContext.In("webhook", what), ["url"]);
            if (w is null || Need(w, "url", ReadContext.In("webhook", what), "an absolute http or https URL") is not { } urlNode)
            {
                return null;
            }

            if (urlNode is YScalar { IsNull: false } u && Uri.TryCreate(u.Value, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
            {
                return new CallWebhook(url);
            }

            _c.Error(urlNode, $"url in webhook in {what}: expected an absolute http or https URL; found {urlNode.Describe()}");
            return null;
        }

        return f["task"] is { } task ? Task(task, ReadContext.In("task", what)) : Notification(f["notify"]!, ReadContext.In("notify", what));
    }

    private CreateTask? Task(YNode node, string what)
    {
        if (Fields.Read(_c, node, what, TaskKeys) is not { } f)
        {
            return null;
        }

        var errors = _c.ErrorCount;
        var title = Need(f, "title", what, "what to do, such as \"Call the champion\"") is { } t ? _c.Text(t, ReadContext.In("title", what)) : null;
        var owner = Need(f, "owner", what, "who must do it, such as customer-success") is { } o ? Owner(o, ReadContext.In("owner", what)) : null;
        var due = Need(f, "due_in", what, "how long after the firing it is due, such as 2d") is { } d ? _c.Duration(d, ReadContext.In("due_in", what)) : null;
        var note = f["note"] is { } n ? _c.Text(n, ReadContext.In("note", what)) : null;
        return _c.ErrorCount > errors ? null : new CreateTask(title!, owner!, due!.Value, note);
    }

    private Notify? Notification(YNode node, string what)
    {
        if (Fields.Read(_c, node, what, NotifyKeys) is not { } f)
        {
            return null;
        }

        var to = Need(f, "to", what, $"a department: {string.Join(", ", JourneyNames.Departments)}") is { } t
            ? _c.OneOf(t, ReadContext.In("to", what), JourneyNames.Departments) : null;
        var message = Need(f, "message", what, "what to tell them") is { } m ? _c.Text(m, ReadContext.In("message", what)) : null;
        return to is null || message is null ? null : new Notify(JourneyNames.Departments[to.Value], message);
    }
}
