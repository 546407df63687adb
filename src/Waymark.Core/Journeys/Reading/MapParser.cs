using System.Globalization;
using Waymark.Core.Conditions;

namespace Waymark.Core.Journeys.Reading;

/// <summary>
/// Reads one journey map from its YAML tree, reporting every error with its position and what was
/// expected; split by concern into partial files (conditions, milestones, contingencies, references).
/// </summary>
internal sealed partial class MapParser(ReadContext context)
{
    private const string TheMap = "the journey map";

    private static readonly string[] MapKeys =
    [
        "format", "id", "name", "perspective", "goal", "description", "kind", "lifecycle", "subject", "applies_to",
        "starts_when", "abandons_when", "repeat", "stall_after", "buying_group", "milestones", "touchpoints",
        "off_track_when", "contingencies", "value",
    ];

    private readonly ReadContext _c = context;

    /// <summary>Every id of the map (milestones, touchpoints, contingencies share one set) with the node that defined it.</summary>
    private readonly Dictionary<string, YNode> _ids = new(StringComparer.Ordinal);

    public JourneyMap? Read(YNode root)
    {
        var f = Fields.Read(_c, root, TheMap, MapKeys);
        if (f is null || !Format(f))
        {
            return null;
        }

        var id = Need(f, "id", TheMap, "an id such as team-onboarding") is { } idNode ? _c.Id(idNode, "id") : null;
        var name = Need(f, "name", TheMap, "the journey's name") is { } nameNode ? _c.Text(nameNode, "name") : null;
        var goal = Need(f, "goal", TheMap, "the goal in the customer's words") is { } goalNode ? _c.Text(goalNode, "goal") : null;
        var perspective = Need(f, "perspective", TheMap, "customer or vendor") is { } p ? _c.OneOf(p, "perspective", JourneyNames.Perspectives) : null;
        var subject = f["subject"] is { } s ? _c.OneOf(s, "subject", JourneyNames.Subjects) : (int)JourneySubject.Account;
        var starts = Need(f, "starts_when", TheMap, "a condition such as { event: contract_signed }") is { } sw ? Condition(sw, "starts_when", eventOnly: true) : null;
        var milestones = Milestones(f);
        CheckMilestones(milestones, f);
        var map = new JourneyMap
        {
            Id = id ?? "",
            Name = name ?? "",
            Goal = goal ?? "",
            Perspective = (Perspective)(perspective ?? 0),
            Description = f["description"] is { } d ? _c.Text(d, "description") : null,
            Kind = f["kind"] is { } k ? (JourneyKind)(_c.OneOf(k, "kind", JourneyNames.Kinds) ?? 0) : JourneyKind.Other,
            Lifecycle = f["lifecycle"] is { } l ? (LifecycleStage?)_c.OneOf(l, "lifecycle", JourneyNames.LifecycleStages) : null,
            Subject = (JourneySubject)(subject ?? 0),
            AppliesTo = f["applies_to"] is { } a ? Cohort(a, "applies_to") ?? Everyone : Everyone,
            StartsWhen = starts ?? EventMatch.Once("?"),
            AbandonsWhen = f["abandons_when"] is { } ab ? Condition(ab, "abandons_when", eventOnly: false) : null,
            Repeat = f["repeat"] is { } r && _c.Bool(r, "repeat") == true,
            StallAfter = f["stall_after"] is { } st ? _c.Duration(st, "stall_after") : null,
            BuyingGroup = f["buying_group"] is { } bg ? BuyingGroup(bg, (JourneySubject)(subject ?? 0)) : null,
            Milestones = [.. milestones.Select(m => m.Milestone)],
            Touchpoints = f["touchpoints"] is { } t ? Touchpoints(t) : [],
            OffTrackWhen = f["off_track_when"] is { } o ? ConditionList(o, "off_track_when") : [],
            Contingencies = f["contingencies"] is { } c ? Contingencies(c) : [],
            Value = f["value"] is { } v ? Values(v, "value") : [],
        };
        CheckReferences(milestones);
        return _c.HasErrors ? null : map;
    }

    /// <summary><c>format: 1</c> is required; a newer format stops reading, since its keys would all look wrong.</summary>
    private bool Format(Fields f)
    {
        if (Need(f, "format", TheMap, "format: 1") is not { } node)
        {
            return true;
        }

        if (node is YScalar { Plain: true } scalar && int.TryParse(scalar.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var format))
        {
            if (format == JourneyMap.CurrentFormat)
            {
                return true;
            }

            if (format > JourneyMap.CurrentFormat)
            {
                _c.Error(node, $"format: this map is written in format {format}, which is newer than this Waymark reads; expected format: 1");
                return false;
            }
        }

        _c.Error(node, $"format: expected 1; found {node.Describe()}");
        return true;
    }

    /// <summary>The value of a required key, or null after reporting it missing (at the mapping that lacks it).</summary>
    private YNode? Need(Fields f, string key, string what, string expected)
    {
        if (f[key] is { } node)
        {
            return node;
        }

        if (!f.Has(key) && !HasReportedKey(f, key))
        {
            _c.Error(f.Node, $"missing key '{key}' in {what}; expected {expected}");
        }

        return null;
    }

    /// <summary>True when the key is in the mapping but was refused (duplicate): its error is already reported.</summary>
    private static bool HasReportedKey(Fields f, string key) =>
        f.Node.Entries.Any(e => e.Key is YScalar s && s.Value == key);

    /// <summary>Registers an id of the map; reports a duplicate, naming where the first one is.</summary>
    private void RegisterId(string id, YNode node, string kind)
    {
        if (!_ids.TryAdd(id, node))
        {
            var first = _ids[id];
            _c.Error(node, $"duplicate id '{id}' for a {kind}; ids of milestones, touchpoints and contingencies must be unique in a map (first at line {first.Line}, column {first.Column})");
        }
    }

    private List<JourneyCondition> ConditionList(YNode node, string what)
    {
        var result = new List<JourneyCondition>();
        if (_c.List(node, $"{what} (a list of conditions)") is not { } items)
        {
            return result;
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (Condition(items[i], $"{what}[{i + 1}]", eventOnly: false) is { } condition)
            {
                result.Add(condition);
            }
        }

        return result;
    }

    /// <summary>Items of a list that must be mappings, each with its 1-based position for messages.</summary>
    private IEnumerable<(YNode Node, int Number)> Items(YNode node, string what)
    {
        var items = _c.List(node, what) ?? [];
        return items.Select((item, i) => (item, i + 1));
    }

    private static string Quote(string? id, string kind, int number) => id is null ? $"{kind} {number}" : $"{kind} '{id}'";

    private static Cohort Everyone => Waymark.Core.Conditions.Cohort.Everyone;
}
