using Waymark.Core.Conditions;

namespace Waymark.Core.Journeys.Reading;

/// <summary><c>where</c> filters of event conditions, and <c>applies_to</c> cohorts in the same syntax.</summary>
internal sealed partial class MapParser
{
    private static readonly string[] ComparisonKeys = ["gt", "gte", "lt", "lte", "ne", "exists"];

    /// <summary>Property (or trait) filters: <c>key: value</c>, <c>key: [a, b]</c>, <c>key: { gte: 3, lt: 10 }</c>, <c>key: { exists: false }</c>.</summary>
    private List<PropertyFilter>? Filters(YNode node, string what)
    {
        if (Fields.ReadOpen(_c, node, what) is not { } entries)
        {
            return null;
        }

        var filters = new List<PropertyFilter>();
        foreach (var (key, value) in entries)
        {
            Filter(key.Value, value, $"{key.Value} in {what}", filters);
        }

        return filters;
    }

    private void Filter(string key, YNode value, string what, List<PropertyFilter> filters)
    {
        switch (value)
        {
            case YScalar { IsNull: false } scalar:
                filters.Add(PropertyFilter.Equal(key, scalar.Value));
                return;
            case YSequence { Items.Count: > 0 } list when list.Items.All(i => i is YScalar { IsNull: false }):
                var values = list.Items.Select(i => ((YScalar)i).Value).ToArray();
                filters.Add(values.Length == 1 ? PropertyFilter.Equal(key, values[0]) : PropertyFilter.In(key, values));
                return;
            case YMapping mapping:
                Comparisons(key, mapping, what, filters);
                return;
            default:
                _c.Error(value, $"{what}: expected a value, a list of values, or comparisons such as {{ gte: 3 }} or {{ exists: false }}; found {(value is YSequence ? "a list that is empty or holds more than values" : value.Describe())}");
                return;
        }
    }

    private void Comparisons(string key, YMapping node, string what, List<PropertyFilter> filters)
    {
        var fields = Fields.Read(_c, node, what, ComparisonKeys);
        if (fields is null || fields.Count == 0)
        {
            if (fields is not null && node.Entries.Count == 0)
            {
                _c.Error(node, $"{what}: expected comparisons such as {{ gte: 3 }} or {{ exists: false }}; found an empty mapping");
            }

            return;
        }

        foreach (var op in ComparisonKeys)
        {
            if (fields[op] is not { } operand)
            {
                continue;
            }

            var opWhat = $"{op} of {what}";
            switch (op)
            {
                case "exists":
                    if (_c.Bool(operand, opWhat) is { } exists)
                    {
                        filters.Add(new PropertyFilter(key, exists ? Comparison.Exists : Comparison.Missing, []));
                    }

                    break;
                case "ne":
                    if (_c.Text(operand, opWhat) is { } other)
                    {
                        filters.Add(new PropertyFilter(key, Comparison.NotEqual, [other]));
                    }

                    break;
                default:
                    if (_c.Number(operand, opWhat) is not null)
                    {
                        filters.Add(new PropertyFilter(key, NumericComparison(op), [((YScalar)operand).Value]));
                    }

                    break;
            }
        }
    }

    private static Comparison NumericComparison(string op) => op switch
    {
        "gt" => Comparison.GreaterThan,
        "gte" => Comparison.GreaterThanOrEqual,
        "lt" => Comparison.LessThan,
        _ => Comparison.LessThanOrEqual,
    };

    /// <summary><c>applies_to</c>: trait filters in the <c>where</c> syntax.</summary>
    private Cohort? Cohort(YNode node, string what) => Filters(node, what) is { } filters ? new Cohort(filters) : null;
}
