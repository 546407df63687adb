namespace Waymark.Core.Journeys.Reading;

/// <summary>Milestones, touchpoints, owners, values and the buying group.</summary>
internal sealed partial class MapParser
{
    private static readonly string[] MilestoneKeys =
        ["id", "name", "when", "after", "expected_within", "expected_after", "owner", "value", "optional"];

    private static readonly string[] TouchpointKeys = ["id", "name", "owner", "channel", "supports", "delivered_when", "expected_within"];
    private static readonly string[] ValueKeys = ["dimension", "amount", "unit", "note"];
    private static readonly string[] BuyingGroupKeys = ["roles", "engaged_within"];

    /// <summary>A milestone as read, with the nodes the later checks point at.</summary>
    private sealed class Draft(Milestone milestone, int number, YNode node)
    {
        public Milestone Milestone { get; set; } = milestone;

        public int Number { get; } = number;

        public YNode Node { get; } = node;

        /// <summary>The <c>after</c> ids as written, with their nodes; null when <c>after</c> is not given.</summary>
        public List<(string Id, YNode Node)>? After { get; init; }

        public YNode? AfterNode { get; init; }

        public YNode? ExpectedAfterNode { get; init; }
    }

    private List<Draft> Milestones(Fields map)
    {
        var drafts = new List<Draft>();
        if (Need(map, "milestones", TheMap, "a list of milestones") is not { } node)
        {
            return drafts;
        }

        if (node is YSequence { Items.Count: 0 })
        {
            _c.Error(node, "milestones: expected at least one milestone; found an empty list");
        }

        foreach (var (item, number) in Items(node, "milestones"))
        {
            if (Milestone(item, number) is { } draft)
            {
                drafts.Add(draft);
            }
        }

        return drafts;
    }

    private Draft? Milestone(YNode item, int number)
    {
        var id = PeekId(item);
        var what = Quote(id, "milestone", number);
        if (Fields.Read(_c, item, what, MilestoneKeys) is not { } f)
        {
            return null;
        }

        var errors = _c.ErrorCount;
        var idNode = Need(f, "id", what, "an id such as first-report");
        var validId = idNode is null ? null : _c.Id(idNode, ReadContext.In("id", what));
        if (validId is not null)
        {
            RegisterId(validId, idNode!, "milestone");
        }

        var name = Need(f, "name", what, "the milestone in the customer's words") is { } n ? _c.Text(n, ReadContext.In("name", what)) : null;
        var when = Need(f, "when", what, "a condition such as { event: report_viewed }") is { } w ? Condition(w, ReadContext.In("when", what), eventOnly: true) : null;
        var after = f["after"] is { } a ? IdList(a, ReadContext.In("after", what)) : null;
        var within = f["expected_within"] is { } ew ? _c.Duration(ew, ReadContext.In("expected_within", what)) : null;
        var afterBy = f["expected_after"] is { } ea ? _c.Duration(ea, ReadContext.In("expected_after", what)) : null;
        if (within is not null && afterBy is not null)
        {
            _c.Error(f["expected_after"]!, $"expected_after in {what}: give expected_within (from the journey's start) or expected_after (from its after milestones), not both");
            afterBy = null;
        }

        var milestone = new Milestone(validId ?? "", name ?? "", when ?? EventMatch.Once("?"), [.. (after ?? []).Select(x => x.Id)],
            within, afterBy, f["owner"] is { } o ? Owner(o, ReadContext.In("owner", what)) : Journeys.Owner.Customer,
            f["value"] is { } v ? Values(v, ReadContext.In("value", what)) : [],
            f["optional"] is { } op && _c.Bool(op, ReadContext.In("optional", what)) == true);
        return _c.ErrorCount > errors && validId is null
            ? null
            : new Draft(milestone, number, item) { After = after, AfterNode = f["after"], ExpectedAfterNode = afterBy is null ? null : f["expected_after"] };
    }

    private List<Touchpoint> Touchpoints(YNode node)
    {
        var result = new List<Touchpoint>();
        foreach (var (item, number) in Items(node, "touchpoints"))
        {
            var id = PeekId(item);
            var what = Quote(id, "touchpoint", number);
            if (Fields.Read(_c, item, what, TouchpointKeys) is not { } f)
            {
                continue;
            }

            var idNode = Need(f, "id", what, "an id such as kickoff");
            var validId = idNode is null ? null : _c.Id(idNode, ReadContext.In("id", what));
            if (validId is not null)
            {
                RegisterId(validId, idNode!, "touchpoint");
            }

            var name = Need(f, "name", what, "what the touchpoint is, such as Kickoff call") is { } n ? _c.Text(n, ReadContext.In("name", what)) : null;
            var delivered = Need(f, "delivered_when", what, "the condition that shows it happened, such as { event: meeting_held }") is { } d
                ? Condition(d, ReadContext.In("delivered_when", what), eventOnly: true) : null;
            var supports = f["supports"] is { } s ? IdList(s, ReadContext.In("supports", what)) : [];
            foreach (var (refId, refNode) in supports)
            {
                _milestoneRefs.Add(new(refId, refNode, ReadContext.In("supports", what), NeedsTimetable: false));
            }

            result.Add(new Touchpoint(validId ?? "", name ?? "", f["owner"] is { } o ? Owner(o, ReadContext.In("owner", what)) : Journeys.Owner.Vendor,
                f["channel"] is { } c ? _c.Text(c, ReadContext.In("channel", what)) : null, [.. supports.Select(x => x.Id)],
                delivered ?? EventMatch.Once("?"), f["expected_within"] is { } ew ? _c.Duration(ew, ReadContext.In("expected_within", what)) : null));
        }

        return result;
    }

    /// <summary>A list of ids (or a single id); each must be well-formed, references are checked later.</summary>
    private List<(string Id, YNode Node)> IdList(YNode node, string what)
    {
        var ids = new List<(string, YNode)>();
        foreach (var item in ReadContext.OneOrMany(node))
        {
            if (_c.Id(item, what) is { } id)
            {
                ids.Add((id, item));
            }
        }

        return ids;
    }

    private Owner Owner(YNode node, string what)
    {
        if (node is YScalar { IsNull: false } scalar && Journeys.Owner.TryParse(scalar.Value, out var owner))
        {
            return owner;
        }

        _c.Error(node, $"{what}: expected customer, customer:ROLE (such as customer:champion), vendor, partner, or a department: {string.Join(", ", JourneyNames.Departments)}; found {node.Describe()}");
        return Journeys.Owner.Customer;
    }

    /// <summary>One value mapping, or a list of them.</summary>
    private List<JourneyValue> Values(YNode node, string what)
    {
        var values = new List<JourneyValue>();
        var items = ReadContext.OneOrMany(node);
        for (var i = 0; i < items.Count; i++)
        {
            var itemWhat = items.Count == 1 && node is not YSequence ? what : $"{what}[{i + 1}]";
            if (Fields.Read(_c, items[i], itemWhat, ValueKeys) is not { } f)
            {
                continue;
            }

            var dimension = Need(f, "dimension", itemWhat, $"one of: {string.Join(", ", JourneyNames.ValueDimensions)}") is { } d
                ? _c.OneOf(d, ReadContext.In("dimension", itemWhat), JourneyNames.ValueDimensions) : null;
            var amount = Need(f, "amount", itemWhat, "a number such as 2000") is { } a ? _c.Number(a, ReadContext.In("amount", itemWhat)) : null;
            if (amount < 0)
            {
                _c.Error(f["amount"]!, $"amount in {itemWhat}: expected zero or more; found {f["amount"]!.Describe()}");
            }

            var unit = Need(f, "unit", itemWhat, "what the amount counts, such as USD/month or report") is { } u ? _c.Text(u, ReadContext.In("unit", itemWhat)) : null;
            var note = f["note"] is { } n ? _c.Text(n, ReadContext.In("note", itemWhat)) : null;
            if (dimension is not null && amount is >= 0 && unit is not null)
            {
                values.Add(new JourneyValue((ValueDimension)dimension, amount.Value, unit, note));
            }
        }

        return values;
    }

    private BuyingGroup? BuyingGroup(YNode node, JourneySubject subject)
    {
        if (Fields.Read(_c, node, "buying_group", BuyingGroupKeys) is not { } f)
        {
            return null;
        }

        if (subject != JourneySubject.Account)
        {
            _c.Error(node, "buying_group: only an account journey has a buying group; expected subject: account");
        }

        var roles = Need(f, "roles", "buying_group", "the roles the journey expects, such as [economic-buyer, technical-buyer]") is { } r
            ? Roles(r, "roles in buying_group") : [];
        if (f["roles"] is YSequence { Items.Count: 0 } empty)
        {
            _c.Error(empty, "roles in buying_group: expected at least one role; found an empty list");
        }

        var engaged = f["engaged_within"] is { } e ? _c.Duration(e, "engaged_within in buying_group") : null;
        return new BuyingGroup([.. roles.Distinct()], engaged ?? Journeys.BuyingGroup.DefaultEngagedWithin);
    }

    /// <summary>The id of a mapping item, when it is well-formed, to name the item in messages about its other keys.</summary>
    private static string? PeekId(YNode item) =>
        item is YMapping mapping && mapping.Entries.FirstOrDefault(e => e.Key is YScalar { Value: "id" }).Value is YScalar { } id
            && ReadContext.IsId(id.Value) ? id.Value : null;
}
