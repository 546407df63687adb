using DuckDB.NET.Data;
using Waymark.Engine.Snapshot;

namespace Waymark.Storage.DuckDb;

/// <summary>
/// The code tables a snapshot needs from the store: subject ids (person keys or accounts, by
/// dictionary code), event names, and a remap of person codes — for people, to the person an
/// identity links them to; for accounts, to the one account a person belongs to (or -1).
/// </summary>
internal static class SnapshotCodes
{
    public static (string?[] Subjects, string?[] Names, int[] Remap) Load(DuckDBConnection connection, SubjectKind kind)
    {
        var names = Table(connection, DictionaryKind.Name);
        var people = Table(connection, DictionaryKind.Person);
        if (kind == SubjectKind.Person)
        {
            return (people, names, PersonRemap(connection, people));
        }

        var accounts = Table(connection, DictionaryKind.Account);
        return (accounts, names, SoleAccounts(connection, people.Length));
    }

    private static string?[] Table(DuckDBConnection connection, DictionaryKind kind)
    {
        var values = new List<string?>();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT code, value FROM dictionary WHERE kind = {(int)kind} ORDER BY code";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var code = (int)reader.GetFieldValue<uint>(0);
            while (values.Count <= code)
            {
                values.Add(null);
            }

            values[code] = reader.GetString(1);
        }

        return [.. values];
    }

    private static int[] PersonRemap(DuckDBConnection connection, string?[] people)
    {
        var remap = new int[people.Length];
        for (var i = 0; i < remap.Length; i++)
        {
            remap[i] = i;
        }

        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT a.code, p.code FROM identities i
            JOIN dictionary a ON a.kind = 3 AND a.value = i.alias_id
            JOIN dictionary p ON p.kind = 3 AND p.value = i.person_id
            """;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            remap[(int)reader.GetFieldValue<uint>(0)] = (int)reader.GetFieldValue<uint>(1);
        }

        return remap;
    }

    private static int[] SoleAccounts(DuckDBConnection connection, int personCodes)
    {
        var remap = new int[personCodes];
        Array.Fill(remap, -1);
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT p.code, min(a.code) FROM memberships m
            JOIN dictionary p ON p.kind = 3 AND p.value = m.person_id
            JOIN dictionary a ON a.kind = 4 AND a.value = m.account_id
            GROUP BY p.code HAVING count(DISTINCT a.code) = 1
            """;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            remap[(int)reader.GetFieldValue<uint>(0)] = (int)reader.GetFieldValue<uint>(1);
        }

        return remap;
    }
}
