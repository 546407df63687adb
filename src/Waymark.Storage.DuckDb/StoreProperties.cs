using DuckDB.NET.Data;
using Waymark.Engine.Properties;
using Waymark.Engine.Snapshot;

namespace Waymark.Storage.DuckDb;

/// <summary>
/// Serves a snapshot's event properties (by the events' row ids) and subject traits (people's
/// or accounts' current traits) from the store, one key at a time.
/// </summary>
internal sealed class StoreProperties(DuckDBConnection connection, SubjectKind kind) : IEventPropertySource, ISubjectTraitSource
{
    public void ReadProperty(string key, int fromRow, int toRow, Action<int, string> sink)
    {
        using var command = connection.CreateCommand();
        if (key == EventLog.ActorRolesKey)
        {
            // The roles of the event's person in the event's account, as the membership stores them (a JSON list).
            command.CommandText = """
                SELECT e.rowid, m.roles FROM events e
                JOIN dictionary p ON p.kind = 3 AND p.code = e.person
                JOIN dictionary a ON a.kind = 4 AND a.code = e.account
                JOIN memberships m ON m.person_id = p.value AND m.account_id = a.value
                WHERE e.rowid >= $from AND e.rowid < $to
                """;
        }
        else
        {
            command.CommandText = """
                SELECT rowid, v FROM (SELECT rowid, json_extract(properties, $path)::VARCHAR AS v FROM events
                                      WHERE rowid >= $from AND rowid < $to) WHERE v IS NOT NULL
                """;
            command.Parameters.Add(new DuckDBParameter("path", JsonPath(key)));
        }

        command.Parameters.Add(new DuckDBParameter("from", (long)fromRow));
        command.Parameters.Add(new DuckDBParameter("to", (long)toRow));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            sink((int)reader.GetInt64(0), reader.GetString(1));
        }
    }

    /// <summary>
    /// An account's trait, or a person's: their own, else their account's (the membership they got
    /// first); a person's <c>role</c> is their roles in that account, a JSON list.
    /// </summary>
    public void ReadTrait(string key, Action<int, string> sink)
    {
        using var command = connection.CreateCommand();
        command.CommandText = kind switch
        {
            SubjectKind.Account => """
                SELECT d.code, json_extract(t.traits, $path)::VARCHAR AS v FROM accounts t
                JOIN dictionary d ON d.kind = 4 AND d.value = t.account_id WHERE v IS NOT NULL
                """,
            _ when key == "role" => """
                SELECT d.code, m.roles AS v FROM dictionary d
                JOIN (SELECT person_id, arg_min(roles, since) AS roles FROM memberships GROUP BY person_id) m ON m.person_id = d.value
                WHERE d.kind = 3
                """,
            _ => """
                SELECT d.code, COALESCE(json_extract(p.traits, $path)::VARCHAR, json_extract(a.traits, $path)::VARCHAR) AS v FROM dictionary d
                LEFT JOIN people p ON p.person_id = d.value
                LEFT JOIN (SELECT person_id, arg_min(account_id, since) AS account_id FROM memberships GROUP BY person_id) m ON m.person_id = d.value
                LEFT JOIN accounts a ON a.account_id = m.account_id
                WHERE d.kind = 3 AND v IS NOT NULL
                """,
        };
        if (kind == SubjectKind.Account || key != "role")
        {
            command.Parameters.Add(new DuckDBParameter("path", JsonPath(key)));
        }

        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            sink((int)reader.GetFieldValue<uint>(0), reader.GetString(1));
        }
    }

    /// <summary>A JSON path naming one top-level key, quoted so that any key is taken literally.</summary>
    private static string JsonPath(string key) => "$.\"" + key.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
