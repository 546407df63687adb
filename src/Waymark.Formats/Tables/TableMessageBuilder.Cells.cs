using System.Text.Json;
using Waymark.Core.Model;

namespace Waymark.Formats.Tables;

/// <summary>The message kinds a table row can hold, by its <c>type</c> cell.</summary>
internal enum TableKind : byte { Track, Identify, Group, Alias }

internal sealed partial class TableMessageBuilder
{
    private bool TryKind<TRow>(TRow row, out TableKind kind)
        where TRow : ITableRow
    {
        kind = TableKind.Track;
        var text = Repeated(row, columns.Type);
        if (text is null || text.Equals("track", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        kind = text.ToLowerInvariant() switch
        {
            "identify" => TableKind.Identify,
            "group" => TableKind.Group,
            "alias" => TableKind.Alias,
            _ => (TableKind)255,
        };
        return kind != (TableKind)255 || Fail(row, columns.Type, "a type: track, identify, group or alias", row.Describe(columns.Type));
    }

    private bool TryTime<TRow>(TRow row, out DateTime time)
        where TRow : ITableRow
    {
        var column = columns.Time;
        time = default;
        if (row.IsEmpty(column))
        {
            return Fail(row, column, $"a time in column \"{columns.NameOf(column)}\"", "an empty cell");
        }

        return row.TryGetTime(column, out time)
            || Fail(row, column, $"an ISO 8601 time or Unix milliseconds in column \"{columns.NameOf(column)}\"", row.Describe(column));
    }

    private bool TryActor<TRow>(TRow row, out Actor actor)
        where TRow : ITableRow
    {
        actor = Actor.Unknown;
        var text = Repeated(row, columns.Actor);
        return text is null || Names.TryParseActor(text, out actor)
            || Fail(row, columns.Actor, "an actor: one of " + string.Join(", ", Names.Actors), row.Describe(columns.Actor));
    }

    private bool TryNumber<TRow>(TRow row, int column, out double? value)
        where TRow : ITableRow
    {
        value = null;
        if (column < 0 || row.IsEmpty(column))
        {
            return true;
        }

        if (!row.TryGetNumber(column, out var number))
        {
            return Fail(row, column, $"a number in column \"{columns.NameOf(column)}\"", row.Describe(column));
        }

        value = number;
        return true;
    }

    private bool TrySentiment<TRow>(TRow row, double? sentiment)
        where TRow : ITableRow =>
        sentiment is null or (>= -1 and <= 1)
        || Fail(row, columns.Sentiment, "a sentiment from -1 to 1", row.Describe(columns.Sentiment));

    // Roles: a JSON array of strings, or names separated by semicolons.
    private bool TryRoles<TRow>(TRow row, out IReadOnlyList<string> roles)
        where TRow : ITableRow
    {
        roles = [];
        if (columns.Roles < 0 || row.IsEmpty(columns.Roles))
        {
            return true;
        }

        var text = row.GetString(columns.Roles)!;
        if (!text.TrimStart().StartsWith('['))
        {
            roles = text.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            return true;
        }

        try
        {
            var list = JsonSerializer.Deserialize(text, TableJsonContext.Default.StringArray);
            roles = list is null ? [] : Array.FindAll(list, r => !string.IsNullOrEmpty(r));
            return true;
        }
        catch (JsonException)
        {
            return Fail(row, columns.Roles, "roles as a JSON array of strings or names separated by ';'", row.Describe(columns.Roles));
        }
    }
}
