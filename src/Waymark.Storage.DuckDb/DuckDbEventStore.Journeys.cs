using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using DuckDB.NET.Data;
using Waymark.Core.Errors;
using Waymark.Core.Model;
using Waymark.Storage.DuckDb.Journeys;

namespace Waymark.Storage.DuckDb;

public sealed partial class DuckDbEventStore
{
    private FiringWriter? _firings;

    /// <summary>
    /// Saves <paramref name="sourceText"/> as the next version of map <paramref name="mapId"/> when its
    /// hash differs from the latest version's (or the map has none), and returns the version in force:
    /// the new one, or the latest when the text is the same. Committed before it returns.
    /// </summary>
    public MapVersionSaved SaveMapVersion(string mapId, string sourceText)
    {
        ArgumentException.ThrowIfNullOrEmpty(mapId);
        ArgumentNullException.ThrowIfNull(sourceText);
        EnsureNotAppending();
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sourceText)));
        using var transaction = _connection.BeginTransaction();
        var latest = MapVersions(mapId) is { Count: > 0 } versions ? versions[^1] : null;
        if (latest is not null && string.Equals(latest.ContentHash, hash, StringComparison.Ordinal))
        {
            return new MapVersionSaved(latest, Created: false);
        }

        var saved = new MapVersion(mapId, (latest?.Version ?? 0) + 1, hash, sourceText, Timestamps.Normalize(_time.GetUtcNow()));
        Rows.Execute(_connection, "INSERT INTO journey_map_versions VALUES ($map, $version, $hash, $text, $at)",
            ("map", saved.MapId), ("version", saved.Version), ("hash", saved.ContentHash), ("text", saved.SourceText), ("at", saved.SavedAt));
        transaction.Commit();
        return new MapVersionSaved(saved, Created: true);
    }

    /// <summary>Every saved version of map <paramref name="mapId"/>, oldest first; empty when none was saved.</summary>
    public IReadOnlyList<MapVersion> MapVersions(string mapId)
    {
        ArgumentNullException.ThrowIfNull(mapId);
        return Rows.Query(_connection, "SELECT map_id, version, content_hash, source_text, saved_at FROM journey_map_versions WHERE map_id = $map ORDER BY version",
            r => new MapVersion(r.GetString(0), r.GetInt32(1), r.GetString(2), r.GetString(3), Rows.Time(r, 4)), ("map", mapId));
    }

    /// <summary>
    /// Records the firings whose key (map, subject, instance number, contingency) is not recorded yet,
    /// and, in the same transaction, the rows of their actions: a task due at the firing's time plus
    /// its <c>due_in</c>, a tag (once per subject and tag), a notification, a webhook outbox message
    /// due now. Firings already recorded, and repeats of a key within <paramref name="firings"/> (the
    /// first is kept), change nothing. Returns how many firings were new; they are committed before
    /// it returns.
    /// </summary>
    public int RecordFirings(IReadOnlyList<FiringRecord> firings)
    {
        ArgumentNullException.ThrowIfNull(firings);
        EnsureNotAppending();
        _firings ??= new FiringWriter(_connection);
        return _firings.Record(firings, Timestamps.Normalize(_time.GetUtcNow()));
    }

    /// <summary>The tasks that pass <paramref name="filter"/> (all when null), by due time, then id.</summary>
    public IReadOnlyList<JourneyTask> Tasks(TaskFilter? filter = null)
    {
        var where = new List<string>();
        var parameters = new List<(string, object?)>();
        if (filter?.Status is { } status)
        {
            where.Add("status = $status");
            parameters.Add(("status", JourneyWords.Of(status)));
        }

        if (filter?.Owner is { } owner)
        {
            where.Add("owner = $owner");
            parameters.Add(("owner", owner));
        }

        if (filter?.MapId is { } map)
        {
            where.Add("map_id = $map");
            parameters.Add(("map", map));
        }

        var sql = "SELECT id, map_id, subject, instance_number, contingency_id, title, owner, note, created_at, due_at, status, done_at FROM journey_tasks"
            + (where.Count == 0 ? "" : " WHERE " + string.Join(" AND ", where)) + " ORDER BY due_at, id";
        return Rows.Query(_connection, sql, ReadTask, [.. parameters]);
    }

    /// <summary>Marks task <paramref name="id"/> done now; says whether it was open, already done or not found.</summary>
    public TaskCompletion CompleteTask(long id)
    {
        EnsureNotAppending();
        var changed = Rows.Execute(_connection, "UPDATE journey_tasks SET status = $done, done_at = $at WHERE id = $id AND status = $open",
            ("done", JourneyWords.Of(JourneyTaskStatus.Done)), ("at", Timestamps.Normalize(_time.GetUtcNow())), ("id", id),
            ("open", JourneyWords.Of(JourneyTaskStatus.Open)));
        if (changed == 1)
        {
            return TaskCompletion.Done;
        }

        var exists = Rows.Query(_connection, "SELECT 1 FROM journey_tasks WHERE id = $id", r => true, ("id", id)).Count > 0;
        return exists ? TaskCompletion.AlreadyDone : TaskCompletion.NotFound;
    }

    /// <summary>The tags of <paramref name="subject"/> (of every subject when null), by subject kind, subject and tag.</summary>
    public IReadOnlyList<SubjectTag> Tags(string? subject = null)
    {
        const string Select = "SELECT subject_kind, subject, tag, map_id, contingency_id, tagged_at FROM subject_tags";
        static SubjectTag Read(DbDataReader r) => new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), Rows.Time(r, 5));
        return subject is null
            ? Rows.Query(_connection, Select + " ORDER BY subject_kind, subject, tag", Read)
            : Rows.Query(_connection, Select + " WHERE subject = $subject ORDER BY subject_kind, subject, tag", Read, ("subject", subject));
    }

    /// <summary>The notifications for <paramref name="department"/> (for every department when null), by id.</summary>
    public IReadOnlyList<JourneyNotification> Notifications(string? department = null)
    {
        const string Select = "SELECT id, department, message, map_id, subject, created_at FROM notifications";
        static JourneyNotification Read(DbDataReader r) => new(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), Rows.Time(r, 5));
        return department is null
            ? Rows.Query(_connection, Select + " ORDER BY id", Read)
            : Rows.Query(_connection, Select + " WHERE department = $department ORDER BY id", Read, ("department", department));
    }

    /// <summary>
    /// Opens the webhook outbox on a second connection to this store's file, for a dispatcher that
    /// runs beside ingestion. Dispose it before the store.
    /// </summary>
    public WebhookOutbox OpenWebhookOutbox()
    {
        var connection = new DuckDBConnection(_connection.ConnectionString);
        try
        {
            connection.Open();
        }
        catch
        {
            connection.Dispose();
            throw;
        }

        return new WebhookOutbox(connection);
    }

    private static JourneyTask ReadTask(DbDataReader r) => new(
        r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetInt32(3), r.GetString(4), r.GetString(5), r.GetString(6), Rows.TextOrNull(r, 7),
        Rows.Time(r, 8), Rows.Time(r, 9), JourneyWords.TaskStatus(r.GetString(10)), Rows.TimeOrNull(r, 11));

    private void EnsureNotAppending()
    {
        if (_appending)
        {
            ThrowHelper.Throw("an append session is open on this store; finish it before recording journey results");
        }
    }
}
