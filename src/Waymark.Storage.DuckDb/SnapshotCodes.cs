using DuckDB.NET.Data;
using Waymark.Engine.Snapshot;

namespace Waymark.Storage.DuckDb;

/// <summary>
/// The code tables a snapshot needs from the store: subject ids (person keys or accounts, by
/// dictionary code), event names, and a remap of person codes — for people, to the person an
/// identity links them to; for accounts, to the one account a person belongs to (or -1) — with
/// a fingerprint of the table the remap comes from, to tell cheaply whether it may have changed.
/// </summary>
internal static class SnapshotCodes
{
    /// <summary>
    /// The subject ids and event names, every code of the store: those a snapshot already holds
    /// are taken from it (the store never changes a code), only newer ones are read.
    /// </summary>
    public static (string?[] Subjects, string?[] Names) Tables(DuckDBConnection connection, SubjectKind kind, EventLog? known) =>
        (Table(connection, kind == SubjectKind.Person ? DictionaryKind.Person : DictionaryKind.Account, known?.Subjects),
         Table(connection, DictionaryKind.Name, known?.Names));

    /// <summary>How many codes the store has of each dictionary kind (index = <see cref="DictionaryKind"/>).</summary>
    public static int[] Counts(DuckDBConnection connection)
    {
        var counts = new int[5];
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT kind, max(code) + 1 FROM dictionary GROUP BY kind";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            counts[reader.GetByte(0)] = (int)reader.GetInt64(1);
        }

        return counts;
    }

    /// <summary>
    /// A fingerprint of what the remap is made of besides the person codes: the identities (for
    /// people), or the memberships and the number of account codes (for accounts: a membership
    /// counts once its account has a code), as a count and a sum of row hashes. Equal
    /// fingerprints and person code counts mean an equal remap (the dictionary only grows).
    /// </summary>
    public static string Ties(DuckDBConnection connection, SubjectKind kind)
    {
        using var command = connection.CreateCommand();
        command.CommandText = kind == SubjectKind.Person
            ? "SELECT count(*) || ':' || coalesce(sum(hash(alias_id, person_id)), 0) FROM identities"
            : "SELECT count(*) || ':' || coalesce(sum(hash(person_id, account_id)), 0) || ':' || (SELECT count(*) FROM dictionary WHERE kind = 4) FROM memberships";
        return (string)command.ExecuteScalar()!;
    }

    /// <summary>The remap of the first <paramref name="personCodes"/> person codes (see the class summary).</summary>
    public static int[] Remap(DuckDBConnection connection, SubjectKind kind, int personCodes) =>
        kind == SubjectKind.Person ? PersonRemap(connection, personCodes) : SoleAccounts(connection, personCodes);

    private static string?[] Table(DuckDBConnection connection, DictionaryKind kind, CodeTable? known)
    {
        var values = known is null ? [] : new List<string?>(known);
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT code, value FROM dictionary WHERE kind = {(int)kind} AND code >= {values.Count} ORDER BY code";
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

    private static int[] PersonRemap(DuckDBConnection connection, int personCodes)
    {
        var remap = new int[personCodes];
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
            Set(remap, reader.GetFieldValue<uint>(0), reader.GetFieldValue<uint>(1));
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
            Set(remap, reader.GetFieldValue<uint>(0), reader.GetFieldValue<uint>(1));
        }

        return remap;
    }

    // A code committed after the count was taken is left for the next refresh to see.
    private static void Set(int[] remap, uint from, uint to)
    {
        if (from < (uint)remap.Length)
        {
            remap[from] = (int)to;
        }
    }
}
