namespace Waymark.Core.Journeys.Reading;

/// <summary>
/// The keys of one YAML mapping, checked against the keys allowed there: unknown, duplicate and
/// non-text keys are reported once, and the rest are looked up by name.
/// </summary>
internal sealed class Fields
{
    private readonly Dictionary<string, (YScalar Key, YNode Value)> _entries = new(StringComparer.Ordinal);

    private Fields(YMapping node) => Node = node;

    /// <summary>The mapping itself, where "missing key" errors point.</summary>
    public YMapping Node { get; }

    /// <summary>The value of a key, or null when the key is absent.</summary>
    public YNode? this[string key] => _entries.TryGetValue(key, out var entry) ? entry.Value : null;

    /// <summary>True when the key is present (even with an empty value).</summary>
    public bool Has(string key) => _entries.ContainsKey(key);

    /// <summary>The node of a key's name, or null when the key is absent.</summary>
    public YScalar? KeyNode(string key) => _entries.TryGetValue(key, out var entry) ? entry.Key : null;

    /// <summary>How many known keys are present.</summary>
    public int Count => _entries.Count;

    /// <summary>
    /// Checks a mapping's keys against <paramref name="allowed"/> (in the order the docs list them)
    /// and returns the known ones; null, after reporting, when the node is not a mapping.
    /// </summary>
    public static Fields? Read(ReadContext context, YNode node, string what, IReadOnlyList<string> allowed)
    {
        if (node is not YMapping mapping)
        {
            context.Error(node, $"expected a mapping for {what}; found {node.Describe()}");
            return null;
        }

        var fields = new Fields(mapping);
        var seen = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in mapping.Entries)
        {
            if (keyNode is not YScalar key || key.IsNull)
            {
                context.Error(keyNode, $"expected a key name in {what}; found {keyNode.Describe()}");
                continue;
            }

            if (!seen.TryAdd(key.Value, key.Line))
            {
                context.Error(key, $"duplicate key '{key.Value}' in {what} (first at line {seen[key.Value]})");
                continue;
            }

            if (!allowed.Contains(key.Value, StringComparer.Ordinal))
            {
                context.Error(key, $"unknown key '{key.Value}' in {what}; expected one of: {string.Join(", ", allowed)}");
                continue;
            }

            fields._entries[key.Value] = (key, value);
        }

        return fields;
    }

    /// <summary>
    /// The keys of a free-form mapping (property filters, cohort traits): every text key is kept,
    /// duplicates and non-text keys are reported.
    /// </summary>
    public static List<(YScalar Key, YNode Value)>? ReadOpen(ReadContext context, YNode node, string what)
    {
        if (node is not YMapping mapping)
        {
            context.Error(node, $"expected a mapping for {what}; found {node.Describe()}");
            return null;
        }

        var result = new List<(YScalar, YNode)>();
        var seen = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in mapping.Entries)
        {
            if (keyNode is not YScalar key || key.IsNull)
            {
                context.Error(keyNode, $"expected a key name in {what}; found {keyNode.Describe()}");
            }
            else if (!seen.TryAdd(key.Value, key.Line))
            {
                context.Error(key, $"duplicate key '{key.Value}' in {what} (first at line {seen[key.Value]})");
            }
            else
            {
                result.Add((key, value));
            }
        }

        return result;
    }
}
