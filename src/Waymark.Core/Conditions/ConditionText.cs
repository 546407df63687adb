using Waymark.Core.Errors;

namespace Waymark.Core.Conditions;

/// <summary>
/// The short text form of conditions for commands and query strings:
/// <c>ticket_opened[severity=critical,priority&gt;=2]</c> is an event condition, <c>*</c> any
/// event; a filter is <c>key=value</c>, <c>key=a|b|c</c> (one of), <c>key!=value</c>,
/// <c>key&gt;n</c>, <c>key&gt;=n</c>, <c>key&lt;n</c>, <c>key&lt;=n</c>, <c>key?</c> (present)
/// or <c>!key</c> (absent). Values may be double-quoted to hold <c>,</c>, <c>]</c> or <c>|</c>.
/// A cohort is a list of filters over traits: <c>segment=enterprise|mid-market,seats&gt;=10</c>.
/// </summary>
public static class ConditionText
{
    /// <summary>Parses an event condition; throws <see cref="SyntaxException"/> with the position otherwise.</summary>
    public static EventCondition ParseEvent(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var reader = new Reader(text.Trim());
        var name = reader.Until("[", "an event name or *");
        if (name.Length == 0)
        {
            throw reader.Error("an event name or *");
        }

        IReadOnlyList<PropertyFilter> filters = [];
        if (reader.TryTake('['))
        {
            filters = ParseFilters(ref reader, ']');
            reader.Expect(']', "',' and another filter, or ']'");
        }

        reader.ExpectEnd("the end after ']'");
        return new EventCondition(name == "*" ? null : name, filters);
    }

    /// <summary>Parses a cohort (filters over traits, all must hold); empty text is everyone.</summary>
    public static Cohort ParseCohort(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrWhiteSpace(text))
        {
            return Cohort.Everyone;
        }

        var reader = new Reader(text.Trim());
        var filters = ParseFilters(ref reader, null);
        reader.ExpectEnd("',' and another filter, or the end");
        return new Cohort(filters);
    }

    private static List<PropertyFilter> ParseFilters(ref Reader reader, char? close)
    {
        var filters = new List<PropertyFilter>();
        do
        {
            filters.Add(ParseFilter(ref reader, close));
        }
        while (reader.TryTake(','));
        return filters;
    }

    private static PropertyFilter ParseFilter(ref Reader reader, char? close)
    {
        if (reader.TryTake('!'))
        {
            return new PropertyFilter(reader.Key(), Comparison.Missing, []);
        }

        var key = reader.Key();
        if (reader.TryTake('?'))
        {
            return new PropertyFilter(key, Comparison.Exists, []);
        }

        var comparison = reader.Operator();
        var values = new List<string> { reader.Value(close) };
        while (comparison == Comparison.Equal && reader.TryTake('|'))
        {
            values.Add(reader.Value(close));
        }

        return values.Count > 1 ? new PropertyFilter(key, Comparison.In, values) : new PropertyFilter(key, comparison, values);
    }

    private ref struct Reader(string text)
    {
        private int _at;

        public SyntaxException Error(string expected) => new(text, _at, expected);

        public bool TryTake(char c)
        {
            SkipSpaces();
            if (_at < text.Length && text[_at] == c)
            {
                _at++;
                return true;
            }

            return false;
        }

        public void Expect(char c, string expected)
        {
            if (!TryTake(c))
            {
                throw Error(expected);
            }
        }

        public void ExpectEnd(string expected)
        {
            SkipSpaces();
            if (_at < text.Length)
            {
                throw Error(expected);
            }
        }

        public string Until(string stops, string expected)
        {
            SkipSpaces();
            var start = _at;
            while (_at < text.Length && !stops.Contains(text[_at], StringComparison.Ordinal))
            {
                _at++;
            }

            return text[start.._at].Trim();
        }

        public string Key()
        {
            SkipSpaces();
            var start = _at;
            while (_at < text.Length && (char.IsLetterOrDigit(text[_at]) || text[_at] is '_' or '-' or '.' or ':' or '$'))
            {
                _at++;
            }

            if (_at == start)
            {
                _at = start;
                throw Error("a property name");
            }

            return text[start.._at];
        }

        public Comparison Operator()
        {
            SkipSpaces();
            var rest = text.AsSpan(_at);
            (Comparison Comparison, int Length) found = rest switch
            {
                _ when rest.StartsWith(">=") => (Comparison.GreaterThanOrEqual, 2),
                _ when rest.StartsWith("<=") => (Comparison.LessThanOrEqual, 2),
                _ when rest.StartsWith("!=") => (Comparison.NotEqual, 2),
                _ when rest.StartsWith(">") => (Comparison.GreaterThan, 1),
                _ when rest.StartsWith("<") => (Comparison.LessThan, 1),
                _ when rest.StartsWith("=") => (Comparison.Equal, 1),
                _ => throw Error("an operator: =, !=, >, >=, <, <=, or ? after the name"),
            };
            _at += found.Length;
            return found.Comparison;
        }

        public string Value(char? close)
        {
            SkipSpaces();
            if (_at < text.Length && text[_at] == '"')
            {
                var end = text.IndexOf('"', _at + 1);
                if (end < 0)
                {
                    _at = text.Length;
                    throw Error("a closing \"");
                }

                var quoted = text[(_at + 1)..end];
                _at = end + 1;
                return quoted;
            }

            var start = _at;
            while (_at < text.Length && text[_at] != ',' && text[_at] != '|' && (close is null || text[_at] != close))
            {
                _at++;
            }

            var value = text[start.._at].Trim();
            if (value.Length == 0)
            {
                _at = start;
                throw Error("a value");
            }

            return value;
        }

        private void SkipSpaces()
        {
            while (_at < text.Length && text[_at] == ' ')
            {
                _at++;
            }
        }
    }
}
