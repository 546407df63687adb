namespace Waymark.Formats.Xes;

/// <summary>
/// Which event attributes make an event's name. The name is the values of <see cref="Keys"/>
/// joined with <c>+</c> (PM4Py's convention), so a one-key classifier gives the plain value.
/// </summary>
internal sealed class XesClassifier
{
    private XesClassifier(string[] keys) => Keys = keys;

    /// <summary>The attribute keys, in order; never empty.</summary>
    public string[] Keys { get; }

    /// <summary>
    /// Chooses the classifier: with no <paramref name="option"/>, the first declared classifier whose
    /// name contains "activity" (any case), else <c>concept:name</c>; with an option, the declared
    /// classifier of that name (exact, then ignoring case), else the option read as a key list.
    /// </summary>
    public static XesClassifier Resolve(string? option, IReadOnlyList<(string Name, string Keys)> declared)
    {
        if (option is null)
        {
            foreach (var (name, keys) in declared)
            {
                if (name.Contains("activity", StringComparison.OrdinalIgnoreCase))
                {
                    return FromKeys(keys);
                }
            }

            return FromKeys("concept:name");
        }

        foreach (var comparison in (ReadOnlySpan<StringComparison>)[StringComparison.Ordinal, StringComparison.OrdinalIgnoreCase])
        {
            foreach (var (name, keys) in declared)
            {
                if (string.Equals(name, option, comparison))
                {
                    return FromKeys(keys);
                }
            }
        }

        return FromKeys(option);
    }

    /// <summary>
    /// Splits a classifier's <c>keys</c> text: keys are separated by whitespace, and a key that
    /// contains spaces is written in single quotes (<c>'org:role name' concept:name</c>).
    /// An empty list means <c>concept:name</c>.
    /// </summary>
    public static XesClassifier FromKeys(string text)
    {
        var keys = new List<string>();
        var at = 0;
        while (at < text.Length)
        {
            if (char.IsWhiteSpace(text[at]))
            {
                at++;
                continue;
            }

            var quoted = text[at] == '\'';
            var start = quoted ? at + 1 : at;
            var end = quoted ? text.IndexOf('\'', start) : IndexOfWhiteSpace(text, start);
            end = end < 0 ? text.Length : end;
            keys.Add(text[start..end]);
            at = quoted ? end + 1 : end;
        }

        return new XesClassifier(keys.Count == 0 ? ["concept:name"] : [.. keys]);
    }

    private static int IndexOfWhiteSpace(string text, int start)
    {
        for (var i = start; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
