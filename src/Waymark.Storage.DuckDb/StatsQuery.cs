using DuckDB.NET.Data;
using Waymark.Core.Storage;

namespace Waymark.Storage.DuckDb;

/// <summary>
/// Counts what the store holds. People are resolved through identities first: an event's
/// person id or anonymous id that an identify or alias linked to a person counts as that
/// person (one link deep).
/// </summary>
internal static class StatsQuery
{
    private const string ResolvedPeople = """
        SELECT coalesce(i1.person_id, e.person_id, i2.person_id, e.anonymous_id) AS person
        FROM (SELECT DISTINCT p.value AS person_id, a.value AS anonymous_id
              FROM (SELECT DISTINCT person, anonymous FROM events) c
              LEFT JOIN dictionary p ON p.kind = 3 AND p.code = c.person
              LEFT JOIN dictionary a ON a.kind = 3 AND a.code = c.anonymous) e
        LEFT JOIN identities i1 ON i1.alias_id = e.person_id
        LEFT JOIN identities i2 ON i2.alias_id = e.anonymous_id
        UNION SELECT coalesce(i.person_id, p.person_id) FROM people p LEFT JOIN identities i ON i.alias_id = p.person_id
        UNION SELECT coalesce(i.person_id, m.person_id) FROM memberships m LEFT JOIN identities i ON i.alias_id = m.person_id
        """;

    public static StoreStats Run(DuckDBConnection connection, int topEventNames)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT
                (SELECT count(*) FROM events),
                (SELECT count(*) FROM ({ResolvedPeople}) WHERE person IS NOT NULL),
                (SELECT count(*) FROM (SELECT account_id FROM accounts
                                       UNION SELECT account_id FROM memberships
                                       UNION SELECT d.value FROM (SELECT DISTINCT account FROM events) e
                                             JOIN dictionary d ON d.kind = 4 AND d.code = e.account)),
                (SELECT count(DISTINCT name) FROM events),
                (SELECT min(ts) FROM events),
                (SELECT max(ts) FROM events)
            """;
        using var reader = command.ExecuteReader();
        reader.Read();
        var stats = new StoreStats
        {
            Events = reader.GetInt64(0),
            People = reader.GetInt64(1),
            Accounts = reader.GetInt64(2),
            EventNameCount = reader.GetInt64(3),
            FirstTime = reader.IsDBNull(4) ? null : DateTime.SpecifyKind(reader.GetDateTime(4), DateTimeKind.Utc),
            LastTime = reader.IsDBNull(5) ? null : DateTime.SpecifyKind(reader.GetDateTime(5), DateTimeKind.Utc),
            EventNames = EventNames(connection, topEventNames),
        };
        return stats;
    }

    private static List<NameCount> EventNames(DuckDBConnection connection, int top)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT d.value, c.n FROM (SELECT name, count(*) AS n FROM events GROUP BY name) c
            JOIN dictionary d ON d.kind = 0 AND d.code = c.name
            ORDER BY c.n DESC, d.value LIMIT $top
            """;
        command.Parameters.Add(new DuckDBParameter("top", (long)Math.Max(top, 0)));
        using var reader = command.ExecuteReader();
        var names = new List<NameCount>();
        while (reader.Read())
        {
            names.Add(new NameCount(reader.GetString(0), reader.GetInt64(1)));
        }

        return names;
    }
}
