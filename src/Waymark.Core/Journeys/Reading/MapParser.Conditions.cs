using System.Globalization;
using System.Text.RegularExpressions;
using Waymark.Core.Conditions;
using Waymark.Core.Model;

namespace Waymark.Core.Journeys.Reading;

/// <summary>Conditions: <c>event</c> leaves, <c>all</c>, <c>any</c>, <c>inactive_for</c>.</summary>
internal sealed partial class MapParser
{
    private static readonly string[] LeafKeys = ["event", "where", "count", "distinct", "within", "by_role"];
    private static readonly string[] AllConditionKeys = [.. LeafKeys, "all", "any", "inactive_for"];
    private static readonly string[] RoleNames = [.. Names.Roles.Skip(1)];

    /// <summary>Reads a condition; <paramref name="eventOnly"/> refuses <c>inactive_for</c> (starts, milestones and touchpoints happen at events).</summary>
    private JourneyCondition? Condition(YNode node, string what, bool eventOnly)
    {
        if (node is not YMapping mapping || mapping.Entries.Count == 0)
        {
            _c.Error(node, $"{what}: expected a condition: a mapping with event, all, any or inactive_for (such as {{ event: report_viewed }}); found {(node is YMapping ? "an empty mapping" : node.Describe())}");
            return null;
        }

        var keys = mapping.Entries.Select(e => (e.Key as YScalar)?.Value).ToList();
        if (keys.Contains("all") || keys.Contains("any"))
        {
            return Combination(mapping, what, keys.Contains("all") ? "all" : "any", eventOnly);
        }

        if (keys.Contains("inactive_for"))
        {
            return Inactivity(mapping, what, eventOnly);
        }

        if (keys.Contains("event"))
        {
            return Leaf(mapping, what);
        }

        // No key says what kind of condition this is: name the keys that are wrong, or the one missing.
        var unknown = mapping.Entries.Where(e => e.Key is not YScalar s || !AllConditionKeys.Contains(s.Value)).ToList();
        foreach (var (key, _) in unknown)
        {
            _c.Error(key, $"unknown key {key.Describe()} in {what}; expected one of: {string.Join(", ", AllConditionKeys)}");
        }

        if (unknown.Count == 0)
        {
            _c.Error(mapping, $"missing key 'event' in {what}; expected the name of the event to match");
        }

        return null;
    }

    private JourneyCondition? Combination(YMapping node, string what, string key, bool eventOnly)
    {
        var fields = Fields.Read(_c, node, what, [key]);
        if (fields?[key] is not { } value || _c.List(value, ReadContext.In(key, what)) is not { } items)
        {
            return null;
        }

        if (items.Count == 0)
        {
            _c.Error(value, $"{key} in {what}: expected at least one condition; found an empty list");
            return null;
        }

        var conditions = new List<JourneyCondition>();
        for (var i = 0; i < items.Count; i++)
        {
            if (Condition(items[i], $"{key}[{i + 1}] in {what}", eventOnly) is { } condition)
            {
                conditions.Add(condition);
            }
        }

        return conditions.Count < items.Count ? null : key == "all" ? new AllOf(conditions) : new AnyOf(conditions);
    }

    private InactiveFor? Inactivity(YMapping node, string what, bool eventOnly)
    {
        var fields = Fields.Read(_c, node, what, ["inactive_for"]);
        if (fields?["inactive_for"] is not { } value)
        {
            return null;
        }

        if (eventOnly)
        {
            _c.Error(fields.KeyNode("inactive_for")!, $"inactive_for in {what}: journeys start, and milestones and touchpoints are reached, at an event, never by inactivity; use inactive_for in abandons_when, off_track_when or a contingency");
            return null;
        }

        return _c.Duration(value, ReadContext.In("inactive_for", what)) is { } duration ? new InactiveFor(duration) : null;
    }

    private EventMatch? Leaf(YMapping node, string what)
    {
        var fields = Fields.Read(_c, node, what, LeafKeys);
        if (fields is null)
        {
            return null;
        }

        var errors = _c.ErrorCount;
        var name = _c.Text(fields["event"]!, ReadContext.In("event", what));
        IReadOnlyList<PropertyFilter> where = fields["where"] is { } w ? Filters(w, ReadContext.In("where", what)) ?? [] : [];
        var count = fields["count"] is { } c ? Count(c, ReadContext.In("count", what)) ?? 1 : 1;
        var distinct = fields["distinct"] is { } d ? _c.Text(d, ReadContext.In("distinct", what)) : null;
        var within = fields["within"] is { } win ? _c.Duration(win, ReadContext.In("within", what)) : null;
        var roles = fields["by_role"] is { } r ? Roles(r, ReadContext.In("by_role", what)) : [];
        if (fields["within"] is { } windowNode && count < 2 && _c.ErrorCount == errors)
        {
            _c.Error(windowNode, $"within in {what}: needs a count of 2 or more, since the counted events must fit in the window; for a deadline from the journey's start, use expected_within");
        }

        return _c.ErrorCount > errors || name is null
            ? null
            : new EventMatch(new EventCondition(name == "*" ? null : name, where), count, distinct, within, roles);
    }

    /// <summary><c>count: ">= 5"</c>, <c>"> 4"</c> or <c>5</c>, as the least number of events needed.</summary>
    private int? Count(YNode node, string what)
    {
        if (node is YScalar { IsNull: false } scalar && CountPattern().Match(scalar.Value) is { Success: true } match
            && int.TryParse(match.Groups[2].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            var least = match.Groups[1].Value == ">" ? n + 1 : n;
            if (least >= 1)
            {
                return least;
            }
        }

        _c.Error(node, $"{what}: expected \">= N\", \"> N\" or N with N counting at least one event (such as \">= 5\"); found {node.Describe()} (a condition becomes true at an event, so \"fewer than\" is written with inactive_for)");
        return null;
    }

    private List<Role> Roles(YNode node, string what)
    {
        var roles = new List<Role>();
        foreach (var item in ReadContext.OneOrMany(node))
        {
            if (_c.OneOf(item, what, RoleNames) is { } index)
            {
                roles.Add((Role)(index + 1));
            }
        }

        return roles;
    }

    [GeneratedRegex(@"^\s*(>=|>)?\s*(\d{1,9})\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex CountPattern();
}
