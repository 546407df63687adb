using DuckDB.NET.Data;
using Waymark.Core.Ingest;

namespace Waymark.Storage.DuckDb;

/// <summary>
/// Drops messages whose id is already stored or appears earlier in the same batch. The
/// in-memory <see cref="DedupIndex"/> settles almost every message; the few whose hash is
/// already known are confirmed against the stored ids in one query, since different ids can
/// share a 64-bit hash.
/// </summary>
internal sealed class DuplicateFilter(DuckDBConnection connection, DedupIndex index)
{
    private bool _tempTableReady;

    /// <summary>
    /// Returns the messages to store, in their order, and fills <paramref name="keptHashes"/>
    /// with their id hashes (the store writes them); counts the rest as duplicates.
    /// </summary>
    public List<T> KeepNew<T>(List<T> messages, Func<T, string> idOf, List<ulong> keptHashes, out int duplicates)
    {
        var kept = new List<T>(messages.Count);
        var candidates = new List<(int Index, ulong Hash)>();
        var keep = new bool[messages.Count];
        var hashes = new ulong[messages.Count];
        for (var i = 0; i < messages.Count; i++)
        {
            var hash = hashes[i] = MessageIds.Hash(idOf(messages[i]));
            if (index.Add(hash))
            {
                keep[i] = true;
            }
            else
            {
                candidates.Add((i, hash));
            }
        }

        if (candidates.Count > 0)
        {
            ResolveCandidates(messages, idOf, hashes, candidates, keep);
        }

        keptHashes.Clear();
        for (var i = 0; i < messages.Count; i++)
        {
            if (keep[i])
            {
                kept.Add(messages[i]);
                keptHashes.Add(hashes[i]);
            }
        }

        duplicates = messages.Count - kept.Count;
        return kept;
    }

    private void ResolveCandidates<T>(List<T> messages, Func<T, string> idOf, ulong[] hashes, List<(int Index, ulong Hash)> candidates, bool[] keep)
    {
        var candidateHashes = new HashSet<ulong>();
        foreach (var (_, hash) in candidates)
        {
            candidateHashes.Add(hash);
        }

        // Ids kept earlier in this batch that share a hash with a candidate.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < messages.Count; i++)
        {
            if (keep[i] && candidateHashes.Contains(hashes[i]))
            {
                seen.Add(idOf(messages[i]));
            }
        }

        var stored = StoredIds(candidates.Select(c => (c.Hash, idOf(messages[c.Index]))).ToList());
        foreach (var (i, _) in candidates)
        {
            var id = idOf(messages[i]);
            keep[i] = !stored.Contains(id) && seen.Add(id);
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

        Migrations.Execute(connection, "DELETE FROM dedup_candidates");
        return stored;
    }

    private void EnsureTempTable()
    {
        if (!_tempTableReady)
        {
            Migrations.Execute(connection, "CREATE TEMP TABLE IF NOT EXISTS dedup_candidates (id_hash UBIGINT, message_id VARCHAR)");
            _tempTableReady = true;
        }
    }
}
