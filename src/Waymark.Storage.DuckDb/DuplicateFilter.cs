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
    // Reused across batches: at a quarter of a million messages a batch, fresh arrays would
    // land on the large object heap every time and bring on full collections.
    private readonly List<(int Index, ulong Hash)> _candidates = [];
    private bool[] _keep = [];
    private ulong[] _hashes = [];
    private bool _tempTableReady;

    /// <summary>
    /// Fills <paramref name="kept"/> with the messages to store, in their order, and
    /// <paramref name="keptHashes"/> with their id hashes (the store writes them); returns how
    /// many were duplicates. <paramref name="pending"/> are messages kept earlier but not yet
    /// stored (held back by a bulk session): a message with one of their ids is a duplicate too.
    /// </summary>
    public int KeepNew<T>(List<T> messages, Func<T, string> idOf, List<T> kept, List<ulong> keptHashes,
        List<T> pending, List<ulong> pendingHashes)
    {
        kept.Clear();
        keptHashes.Clear();
        _candidates.Clear();
        if (_keep.Length < messages.Count)
        {
            _keep = new bool[messages.Count];
            _hashes = new ulong[messages.Count];
        }

        var candidates = _candidates;
        var keep = _keep;
        var hashes = _hashes;
        for (var i = 0; i < messages.Count; i++)
        {
            var hash = hashes[i] = MessageIds.Hash(idOf(messages[i]));
            keep[i] = index.Add(hash);
            if (!keep[i])
            {
                candidates.Add((i, hash));
            }
        }

        if (candidates.Count > 0)
        {
            ResolveCandidates(messages, idOf, hashes, candidates, keep, pending, pendingHashes);
        }

        for (var i = 0; i < messages.Count; i++)
        {
            if (keep[i])
            {
                kept.Add(messages[i]);
                keptHashes.Add(hashes[i]);
            }
        }

        return messages.Count - kept.Count;
    }

    private void ResolveCandidates<T>(List<T> messages, Func<T, string> idOf, ulong[] hashes, List<(int Index, ulong Hash)> candidates, bool[] keep,
        List<T> pending, List<ulong> pendingHashes)
    {
        var candidateHashes = new HashSet<ulong>();
        foreach (var (_, hash) in candidates)
        {
            candidateHashes.Add(hash);
        }

        // Ids kept earlier (held back, or in this batch) that share a hash with a candidate.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < pending.Count; i++)
        {
            if (candidateHashes.Contains(pendingHashes[i]))
            {
                seen.Add(idOf(pending[i]));
            }
        }

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
