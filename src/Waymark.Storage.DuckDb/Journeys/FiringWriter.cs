using System.Diagnostics;
using DuckDB.NET.Data;
using Waymark.Core.Journeys;
using Waymark.Core.Model;

namespace Waymark.Storage.DuckDb.Journeys;

/// <summary>
/// Records contingency firings and, in the same transaction, the rows of their actions: tasks,
/// tags, notifications and webhook outbox messages. The firing key (map, subject, instance,
/// contingency) is kept unique by this writer, as the store keeps its other keys (no DuckDB
/// index): candidates go to a temporary table and one anti-join finds the new ones.
/// </summary>
internal sealed class FiringWriter(DuckDBConnection connection)
{
    private bool _tempTablesReady;

    /// <summary>Records the new firings of <paramref name="firings"/> and runs their actions; returns how many were new. Commits before returning.</summary>
    public int Record(IReadOnlyList<FiringRecord> firings, DateTime recordedAt)
    {
        var unique = FoldByKey(firings);
        if (unique.Count == 0)
        {
            return 0;
        }

        EnsureTempTables();
        using var transaction = connection.BeginTransaction();
        try
        {
            var fresh = KeepNew(unique);
            AppendFirings(fresh, recordedAt);
            AppendTasks(fresh, recordedAt);
            AppendTags(fresh, recordedAt);
            AppendNotifications(fresh, recordedAt);
            AppendWebhooks(fresh, recordedAt);
            transaction.Commit();
            return fresh.Count;
        }
        catch
        {
            transaction.Rollback();
            throw;
        }
    }

    // The first firing of a key in the batch wins, as it would had they come in two calls.
    private static List<FiringRecord> FoldByKey(IReadOnlyList<FiringRecord> firings)
    {
        var seen = new HashSet<(string, string, int, string)>();
        var unique = new List<FiringRecord>(firings.Count);
        foreach (var firing in firings)
        {
            if (seen.Add((firing.MapId, firing.Subject, firing.InstanceNumber, firing.ContingencyId)))
            {
                unique.Add(firing);
            }
        }

        return unique;
    }

    private List<FiringRecord> KeepNew(List<FiringRecord> unique)
    {
        using (var appender = connection.CreateAppender("pending_firings"))
        {
            for (var i = 0; i < unique.Count; i++)
            {
                var f = unique[i];
                appender.CreateRow().AppendValue(i).AppendValue(f.MapId).AppendValue(f.Subject).AppendValue(f.InstanceNumber).AppendValue(f.ContingencyId).EndRow();
            }
        }

        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT p.ord FROM pending_firings p
            WHERE NOT EXISTS (
                SELECT 1 FROM journey_firings f
                WHERE f.map_id = p.map_id AND f.subject = p.subject AND f.instance_number = p.instance_number AND f.contingency_id = p.contingency_id)
            ORDER BY p.ord
            """;
        var fresh = new List<FiringRecord>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                fresh.Add(unique[reader.GetInt32(0)]);
            }
        }

        Sql.Execute(connection, "DELETE FROM pending_firings");
        return fresh;
    }

    private void AppendFirings(List<FiringRecord> fresh, DateTime recordedAt)
    {
        using var appender = connection.CreateAppender("journey_firings");
        foreach (var f in fresh)
        {
            appender.CreateRow().AppendValue(f.MapId).AppendValue(f.MapVersion).AppendValue(f.Subject).AppendValue(f.InstanceNumber)
                .AppendValue(f.ContingencyId).AppendValue(Timestamps.Normalize(f.FiredAt)).AppendValue(f.Reason).AppendValue(recordedAt).EndRow();
        }
    }

    private void AppendTasks(List<FiringRecord> fresh, DateTime recordedAt)
    {
        var id = NextId("journey_tasks");
        using var appender = connection.CreateAppender("journey_tasks");
        foreach (var (f, task) in Actions<CreateTask>(fresh))
        {
            var row = appender.CreateRow().AppendValue(id++).AppendValue(f.MapId).AppendValue(f.Subject).AppendValue(f.InstanceNumber)
                .AppendValue(f.ContingencyId).AppendValue(task.Title).AppendValue(task.Owner.ToString());
            row = task.Note is null ? row.AppendNullValue() : row.AppendValue(task.Note);
            row.AppendValue(recordedAt).AppendValue(Timestamps.Normalize(f.FiredAt + task.DueIn))
                .AppendValue(JourneyWords.Of(JourneyTaskStatus.Open)).AppendNullValue().EndRow();
        }
    }

    private void AppendTags(List<FiringRecord> fresh, DateTime recordedAt)
    {
        var any = false;
        var seen = new HashSet<(JourneySubject, string, string)>();
        using (var appender = connection.CreateAppender("pending_tags"))
        {
            foreach (var (f, tag) in Actions<AddTag>(fresh))
            {
                if (seen.Add((f.SubjectKind, f.Subject, tag.Tag)))
                {
                    appender.CreateRow().AppendValue(JourneyNames.Of(f.SubjectKind)).AppendValue(f.Subject).AppendValue(tag.Tag)
                        .AppendValue(f.MapId).AppendValue(f.ContingencyId).AppendValue(recordedAt).EndRow();
                    any = true;
                }
            }
        }

        if (any)
        {
            Sql.Execute(connection, """
                INSERT INTO subject_tags
                SELECT * FROM pending_tags p
                WHERE NOT EXISTS (SELECT 1 FROM subject_tags t WHERE t.subject_kind = p.subject_kind AND t.subject = p.subject AND t.tag = p.tag);
                DELETE FROM pending_tags;
                """);
        }
    }

    private void AppendNotifications(List<FiringRecord> fresh, DateTime recordedAt)
    {
        var id = NextId("notifications");
        using var appender = connection.CreateAppender("notifications");
        foreach (var (f, notify) in Actions<Notify>(fresh))
        {
            appender.CreateRow().AppendValue(id++).AppendValue(notify.To).AppendValue(notify.Message).AppendValue(f.MapId)
                .AppendValue(f.Subject).AppendValue(recordedAt).EndRow();
        }
    }

    private void AppendWebhooks(List<FiringRecord> fresh, DateTime recordedAt)
    {
        var id = NextId("webhook_outbox");
        var attempts = 0; // typed: a literal 0 picked another AppendValue overload and stored garbage
        using var appender = connection.CreateAppender("webhook_outbox");
        foreach (var (f, webhook) in Actions<CallWebhook>(fresh))
        {
            appender.CreateRow().AppendValue(id++).AppendValue(webhook.Url.AbsoluteUri).AppendValue(WebhookPayload.Of(f)).AppendValue(recordedAt)
                .AppendValue(attempts).AppendValue(recordedAt).AppendValue(JourneyWords.Of(WebhookStatus.Pending)).AppendNullValue().AppendNullValue().EndRow();
        }
    }

    private static IEnumerable<(FiringRecord Firing, T Action)> Actions<T>(List<FiringRecord> fresh)
        where T : ContingencyAction
    {
        foreach (var firing in fresh)
        {
            foreach (var action in firing.Actions)
            {
                if (action is T typed)
                {
                    yield return (firing, typed);
                }
            }
        }
    }

    // Only this writer inserts into these tables, inside its transaction, so max + 1 is free.
    private long NextId(string table)
    {
        Debug.Assert(table is "journey_tasks" or "notifications" or "webhook_outbox");
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT coalesce(max(id), 0) + 1 FROM {table}";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private void EnsureTempTables()
    {
        if (_tempTablesReady)
        {
            return;
        }

        Sql.Execute(connection, """
            CREATE TEMP TABLE IF NOT EXISTS pending_firings (ord INTEGER, map_id VARCHAR, subject VARCHAR, instance_number INTEGER, contingency_id VARCHAR);
            CREATE TEMP TABLE IF NOT EXISTS pending_tags (subject_kind VARCHAR, subject VARCHAR, tag VARCHAR, map_id VARCHAR, contingency_id VARCHAR, tagged_at TIMESTAMP);
            """);
        _tempTablesReady = true;
    }
}
