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

        var keep = Flags(rows.Count, candidates);
        var hashes = new HashSet<ulong>();
        foreach (var row in candidates)
        {
            hashes.Add(rows.Hash(row));
        }

        // Ids kept earlier (held back, or new in this batch) that share a hash with a candidate.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        AddSeen(seen, hashes, held);
        AddSeen(seen, hashes, rows, keep);
        var stored = StoredIds(candidates.Select(row => (rows.Hash(row), rows.Ids.GetString(row)!)).ToList());
        foreach (var row in candidates)
        {
            var id = rows.Ids.GetString(row)!;
            keep[row] = !stored.Contains(id) && seen.Add(id);
        }

        var before = rows.Count;
        rows.Keep(keep);
        return before - rows.Count;
    }

    /// <summary>Drops the duplicate profile messages (and their hashes); returns how many.</summary>
    public int DropDuplicates(List<ProfileMessage> messages, List<ulong> messageHashes, List<int> candidates, HeldMessages held)
    {
        if (candidates.Count == 0)
        {
            return 0;
        }

        var keep = Flags(messages.Count, candidates);
        var hashes = new HashSet<ulong>();
        foreach (var i in candidates)
        {
            hashes.Add(messageHashes[i]);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        AddSeen(seen, hashes, held);
        for (var i = 0; i < messages.Count; i++)
        {
            if (keep[i] && hashes.Contains(messageHashes[i]))
            {
                seen.Add(messages[i].MessageId);
            }
        }

        var stored = StoredIds(candidates.Select(i => (messageHashes[i], messages[i].MessageId)).ToList());
        var kept = 0;
        for (var i = 0; i < messages.Count; i++)
        {
            if (!keep[i] && (stored.Contains(messages[i].MessageId) || !seen.Add(messages[i].MessageId)))
            {
                continue;
            }

            messages[kept] = messages[i];
            messageHashes[kept++] = messageHashes[i];
        }

        var dropped = messages.Count - kept;
        messages.RemoveRange(kept, dropped);
        messageHashes.RemoveRange(kept, dropped);
        return dropped;
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

    private static void AddSeen(HashSet<string> seen, HashSet<ulong> hashes, HeldMessages held)
    {
        AddSeen(seen, hashes, held.Events, null);
        for (var i = 0; i < held.Profiles.Count; i++)
        {
            if (hashes.Contains(held.ProfileHashes[i]))
            {
                seen.Add(held.Profiles[i].MessageId);
            }
        }
    }

    private static void AddSeen(HashSet<string> seen, HashSet<ulong> hashes, EventRows rows, bool[]? keep)
    {
        for (var row = 0; row < rows.Count; row++)
        {
            if ((keep is null || keep[row]) && hashes.Contains(rows.Hash(row)))
            {
                seen.Add(rows.Ids.GetString(row)!);
            }
        }
    }

    private HashSet<string> StoredIds(List<(ulong Hash, string Id)> candidates)
    {
        EnsureTempTable();
        using (var appender = connection.CreateAppender("dedup_candidates"))
        {
            foreach (var (hash, id) in candidates)
            {
                appender.CreateRow().AppendValue(hash).AppendValue(id).EndRow();
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
