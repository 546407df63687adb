using DuckDB.NET.Data;
using Waymark.Core.Model;
using Waymark.Storage.DuckDb.Ingest;

namespace Waymark.Storage.DuckDb;

/// <summary>
/// Settles the candidates of a prepared batch: messages whose id hash the <see cref="DedupIndex"/>
/// already held (<see cref="BatchPreparer"/>). A candidate is a duplicate when its id is stored, is
/// held back by a bulk session, or appears earlier in the batch; the rest only shared a hash, since
/// different ids can. The stored ids are asked for in one query per batch.
/// </summary>
internal sealed class DuplicateFilter(DuckDBConnection connection)
{
    // Reused across batches: fresh arrays per batch would churn the collector.
    private bool[] _keep = [];
    private bool _tempTableReady;

    /// <summary>Drops the duplicate events from <paramref name="rows"/>; returns how many.</summary>
    public int DropDuplicates(EventRows rows, List<int> candidates, HeldMessages held)
    {
        if (candidates.Count == 0)
        {
            return 0;
        }

        var before = rows.Count;
        rows.Keep(Settle(new EventIds(rows), candidates, held));
        return before - rows.Count;
    }

    /// <summary>Drops the duplicate profile messages (and their hashes); returns how many.</summary>
    public int DropDuplicates(List<ProfileMessage> messages, List<ulong> messageHashes, List<int> candidates, HeldMessages held)
    {
        if (candidates.Count == 0)
        {
            return 0;
        }

        var keep = Settle(new ProfileIds(messages, messageHashes), candidates, held);
        var kept = 0;
        for (var i = 0; i < messages.Count; i++)
        {
            if (keep[i])
            {
                messages[kept] = messages[i];
                messageHashes[kept++] = messageHashes[i];
            }
        }

        var dropped = messages.Count - kept;
        messages.RemoveRange(kept, dropped);
        messageHashes.RemoveRange(kept, dropped);
        return dropped;
    }

    // Which rows to keep: every row but the candidates that are duplicates. A candidate is one
    // when its id is stored, or was seen before it: held back by the session, kept earlier in
    // the batch, or an earlier candidate's. Ids are compared only among rows sharing a
    // candidate's hash.
    private bool[] Settle<T>(T rows, List<int> candidates, HeldMessages held)
        where T : IIdRows
    {
        var keep = Flags(rows.Count, candidates);
        var hashes = new HashSet<ulong>();
        foreach (var row in candidates)
        {
            hashes.Add(rows.Hash(row));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        AddSeen(seen, hashes, new EventIds(held.Events), null);
        AddSeen(seen, hashes, new ProfileIds(held.Profiles, held.ProfileHashes), null);
        AddSeen(seen, hashes, rows, keep);
        var stored = StoredIds(candidates.Select(row => (rows.Hash(row), rows.Id(row))).ToList());
        foreach (var row in candidates)
        {
            var id = rows.Id(row);
            keep[row] = !stored.Contains(id) && seen.Add(id);
        }

        return keep;
    }

    // True for every row but the candidates.
    private bool[] Flags(int count, List<int> candidates)
    {
        if (_keep.Length < count)
        {
            _keep = new bool[Math.Max(count, _keep.Length * 2)];
        }

        Array.Fill(_keep, true, 0, count);
        foreach (var i in candidates)
        {
            _keep[i] = false;
        }

        return _keep;
    }

    // Adds the ids of the rows (those flagged in keep, when given) whose hash is among hashes.
    private static void AddSeen<T>(HashSet<string> seen, HashSet<ulong> hashes, T rows, bool[]? keep)
        where T : IIdRows
    {
        for (var row = 0; row < rows.Count; row++)
        {
            if ((keep is null || keep[row]) && hashes.Contains(rows.Hash(row)))
            {
                seen.Add(rows.Id(row));
            }
        }
    }

    private HashSet<string> StoredIds(List<(ulong Hash, string Id)> candidates)
    {
        EnsureTempTable();
        using (var appender = new ChunkAppender(connection, "dedup_candidates"))
        {
            foreach (var (hash, id) in candidates)
            {
                appender.SetUInt64(0, hash);
                appender.SetString(1, id);
                appender.EndRow();
            }
        }

        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT c.message_id FROM dedup_candidates c
            WHERE EXISTS (SELECT 1 FROM events e WHERE e.id_hash = c.id_hash AND e.message_id = c.message_id)
               OR EXISTS (SELECT 1 FROM profile_messages p WHERE p.id_hash = c.id_hash AND p.message_id = c.message_id)
            """;
        var stored = new HashSet<string>(StringComparer.Ordinal);
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                stored.Add(reader.GetString(0));
            }
        }

        Sql.Execute(connection, "DELETE FROM dedup_candidates");
        return stored;
    }

    private void EnsureTempTable()
    {
        if (!_tempTableReady)
        {
            Sql.Execute(connection, "CREATE TEMP TABLE IF NOT EXISTS dedup_candidates (id_hash UBIGINT, message_id VARCHAR)");
            _tempTableReady = true;
        }
    }
}

/// <summary>Messages a bulk session accepted but has not written yet: a later message with one of their ids is a duplicate.</summary>
internal readonly record struct HeldMessages(EventRows Events, List<ProfileMessage> Profiles, List<ulong> ProfileHashes);

/// <summary>Message ids and their hashes, row by row: what the filter needs of events and of profile messages alike.</summary>
internal interface IIdRows
{
    int Count { get; }

    ulong Hash(int row);

    string Id(int row);
}

internal readonly struct EventIds(EventRows rows) : IIdRows
{
    public int Count => rows.Count;

    public ulong Hash(int row) => rows.Hash(row);

    public string Id(int row) => rows.Ids.GetString(row)!;
}

internal readonly struct ProfileIds(List<ProfileMessage> messages, List<ulong> hashes) : IIdRows
{
    public int Count => messages.Count;

    public ulong Hash(int row) => hashes[row];

    public string Id(int row) => messages[row].MessageId;
}
