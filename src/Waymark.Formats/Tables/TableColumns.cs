using System.Text.Json;
using Waymark.Core.Errors;

namespace Waymark.Formats.Tables;

/// <summary>
/// Which column of a table holds what, found from the header. Names are matched without regard
/// to case; for each role the names are tried in order and the first present wins. A column
/// with an empty name is ignored; every other column that has no role is an event property.
/// </summary>
internal sealed class TableColumns
{
    internal static readonly string[] PersonNames = ["user_id", "userId", "person_id", "person", "case:concept:name", "case_id", "case"];
    internal static readonly string[] AccountNames = ["account_id", "accountId", "group_id", "groupId", "account"];
    internal static readonly string[] TimeNames = ["timestamp", "time", "time:timestamp", "event_time", "date"];
    internal static readonly string[] EventNames = ["event", "event_name", "name", "concept:name", "activity"];
    internal static readonly string[] MessageIdNames = ["message_id", "messageId", "id"];

    private readonly List<string> _names;
    private readonly bool[] _used;
    private readonly bool[]? _unreadable;

    /// <summary>
    /// Resolves the columns; <paramref name="unreadable"/> marks columns the format cannot read
    /// (kept in error messages, never used). Throws <see cref="InputException"/> when a needed
    /// column is missing.
    /// </summary>
    public TableColumns(IReadOnlyList<string> names, TableMapping mapping, SourceLocation header, bool[]? unreadable = null)
    {
        _names = [.. names];
        _unreadable = unreadable;
        _used = new bool[names.Count];
        for (var i = 0; i < names.Count; i++)
        {
            _used[i] = names[i].Length == 0 || (unreadable?[i] ?? false);
        }

        Person = Find(mapping.Person, PersonNames);
        Anonymous = Find(null, ["anonymous_id", "anonymousId"]);
        Account = Find(mapping.Account, AccountNames);
        Time = Find(mapping.Time, TimeNames);
        Event = Find(mapping.Event, EventNames);
        MessageId = Find(mapping.MessageId, MessageIdNames);
        Type = Find(null, ["type"]);
        Channel = Find(null, ["channel"]);
        Source = Find(null, ["source"]);
        Actor = Find(null, ["actor"]);
        Value = Find(null, ["value"]);
        Sentiment = Find(null, ["sentiment"]);
        Properties = Find(null, ["properties"]);
        Traits = Find(null, ["traits"]);
        Roles = Find(null, ["roles"]);
        PreviousId = Find(null, ["previous_id", "previousId"]);
        Require(header, mapping);
        PropertyColumns = CollectProperties(header);
    }

    public int Person { get; }
    public int Anonymous { get; }
    public int Account { get; }
    public int Time { get; }
    public int Event { get; }
    public int MessageId { get; }
    public int Type { get; }
    public int Channel { get; }
    public int Source { get; }
    public int Actor { get; }
    public int Value { get; }
    public int Sentiment { get; }
    public int Properties { get; }
    public int Traits { get; }
    public int Roles { get; }
    public int PreviousId { get; }

    /// <summary>The columns that become properties, with their JSON-encoded names.</summary>
    public (int Column, JsonEncodedText Key)[] PropertyColumns { get; }

    /// <summary>How many columns the header has.</summary>
    public int Count => _names.Count;

    /// <summary>The name of a column.</summary>
    public string NameOf(int column) => _names[column];

    private int Find(string? mapped, string[] usual)
    {
        if (mapped is not null)
        {
            var at = _names.FindIndex(n => string.Equals(n, mapped, StringComparison.OrdinalIgnoreCase));
            return at >= 0 && (_unreadable?[at] ?? false) ? -1 : Claim(at);
        }

        foreach (var name in usual)
        {
            var at = _names.FindIndex(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
            // A name already claimed (or unreadable) does not serve a second role.
            if (at >= 0 && !_used[at])
            {
                return Claim(at);
            }
        }

        return -1;
    }

    private int Claim(int column)
    {
        if (column >= 0)
        {
            _used[column] = true;
        }

        return column;
    }

    private void Require(SourceLocation header, TableMapping mapping)
    {
        if (Person < 0 && Anonymous < 0)
        {
            Missing(header, "person", mapping.Person, PersonNames, "--person");
        }

        if (Time < 0)
        {
            Missing(header, "time", mapping.Time, TimeNames, "--time");
        }

        if (Event < 0)
        {
            Missing(header, "event", mapping.Event, EventNames, "--event");
        }

        if (Account < 0 && mapping.Account is not null)
        {
            Missing(header, "account", mapping.Account, AccountNames, "--account");
        }

        if (MessageId < 0 && mapping.MessageId is not null)
        {
            Missing(header, "message id", mapping.MessageId, MessageIdNames, "--message-id");
        }
    }

    private void Missing(SourceLocation header, string role, string? mapped, string[] usual, string option)
    {
        var expected = mapped is not null
            ? $"a {role} column named \"{mapped}\" (as {option} says)"
            : $"a {role} column: one named {string.Join(", ", usual)} (case-insensitive), or name it with {option}";
        var found = "the columns " + string.Join(", ", _names.Select(n => n.Length == 0 ? "\"\"" : n));
        ThrowHelper.ThrowInput(header, expected, found);
    }

    private (int, JsonEncodedText)[] CollectProperties(SourceLocation header)
    {
        var columns = new List<(int, JsonEncodedText)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < _names.Count; i++)
        {
            if (_used[i])
            {
                continue;
            }

            if (!seen.Add(_names[i]))
            {
                ThrowHelper.ThrowInput(header, "unique column names", $"\"{_names[i]}\" twice");
            }

            columns.Add((i, JsonEncodedText.Encode(_names[i])));
        }

        return [.. columns];
    }
}
