using Microsoft.Extensions.Time.Testing;
using Waymark.Core.Journeys;
using Waymark.Storage.DuckDb.Journeys;

namespace Waymark.Storage.DuckDb.Tests.Journeys;

/// <summary>
/// Freezes what the journey tables put on disk: the schema version, the columns and the status
/// words. People query these tables with SQL; a change here is a new migration, never an edit.
/// </summary>
public sealed class JourneySchemaGoldenTests
{
    [Fact]
    public void SchemaVersion_IsTwo()
    {
        Assert.Equal(2, Migrations.Latest);
        Assert.Equal(2, Migrations.All[1].Version);
    }

    [Fact]
    public void Open_VersionOneDatabase_IsMigratedToTwo_KeepingItsEvents()
    {
        using var db = new TempDatabase();
        using (var store = db.Open())
        {
            using (var session = store.BeginAppend())
            {
                session.Append(Some.Batch(Some.Event("m1")));
            }

            // Back to what a version-1 build left: migration 2's tables gone, its row gone.
            store.QueryColumn("""
                DROP TABLE journey_map_versions; DROP TABLE journey_firings; DROP TABLE journey_tasks;
                DROP TABLE subject_tags; DROP TABLE notifications; DROP TABLE webhook_outbox;
                DELETE FROM schema_migrations WHERE version = 2 RETURNING version
                """);
            Assert.Equal(1, store.SchemaVersion);
            Assert.Equal(["0"], store.QueryColumn("SELECT count(*) FROM information_schema.tables WHERE table_name = 'webhook_outbox'"));
        }

        using var reopened = db.Open();
        Assert.Equal(2, reopened.SchemaVersion);
        Assert.Equal(["1"], reopened.QueryColumn("SELECT count(*) FROM events"));
        Assert.Equal(["0"], reopened.QueryColumn("SELECT count(*) FROM webhook_outbox"));
    }

    [Fact]
    public void StatusWords_AreFrozen()
    {
        Assert.Equal(["open", "done"], JourneyWords.TaskStatuses);
        Assert.Equal(["pending", "delivered", "failed"], JourneyWords.WebhookStatuses);
        Assert.Equal(["Open", "Done"], Enum.GetNames<JourneyTaskStatus>());
        Assert.Equal(["Pending", "Delivered", "Failed"], Enum.GetNames<WebhookStatus>());
    }

    [Fact]
    public void StatusWords_AreWhatTheTablesHold()
    {
        using var db = new TempDatabase();
        using var store = DuckDbEventStore.Open(db.Path, new FakeTimeProvider(new DateTimeOffset(2026, 3, 12, 0, 0, 0, TimeSpan.Zero)));
        var hook = new CallWebhook(new Uri("http://127.0.0.1:9/h"));
        store.RecordFirings([SomeFiring.Of("a", actions: [SomeFiring.Task(), hook]), SomeFiring.Of("b", actions: [SomeFiring.Task(), hook]),
            SomeFiring.Of("c", actions: [hook, new AddTag("at-risk")])]);
        store.CompleteTask(2);
        using (var outbox = store.OpenWebhookOutbox())
        {
            outbox.MarkDelivered(2, DateTime.UnixEpoch);
            outbox.MarkFailed(3, "HTTP 500", retryAt: null);
        }

        Assert.Equal(["1:open", "2:done"], store.QueryColumn("SELECT id || ':' || status FROM journey_tasks ORDER BY id"));
        Assert.Equal(["1:pending", "2:delivered", "3:failed"], store.QueryColumn("SELECT id || ':' || status FROM webhook_outbox ORDER BY id"));
        Assert.Equal(["account"], store.QueryColumn("SELECT subject_kind FROM subject_tags"));
    }

    [Theory]
    [InlineData("journey_map_versions", "map_id VARCHAR, version INTEGER, content_hash VARCHAR, source_text VARCHAR, saved_at TIMESTAMP")]
    [InlineData("journey_firings", "map_id VARCHAR, map_version INTEGER, subject VARCHAR, instance_number INTEGER, contingency_id VARCHAR, fired_at TIMESTAMP, reason VARCHAR, recorded_at TIMESTAMP")]
    [InlineData("journey_tasks", "id BIGINT, map_id VARCHAR, subject VARCHAR, instance_number INTEGER, contingency_id VARCHAR, title VARCHAR, owner VARCHAR, note VARCHAR, created_at TIMESTAMP, due_at TIMESTAMP, status VARCHAR, done_at TIMESTAMP")]
    [InlineData("subject_tags", "subject_kind VARCHAR, subject VARCHAR, tag VARCHAR, map_id VARCHAR, contingency_id VARCHAR, tagged_at TIMESTAMP")]
    [InlineData("notifications", "id BIGINT, department VARCHAR, message VARCHAR, map_id VARCHAR, subject VARCHAR, created_at TIMESTAMP")]
    [InlineData("webhook_outbox", "id BIGINT, url VARCHAR, payload JSON, created_at TIMESTAMP, attempts INTEGER, next_attempt_at TIMESTAMP, status VARCHAR, last_error VARCHAR, delivered_at TIMESTAMP")]
    public void JourneyTable_HasItsFrozenColumns(string table, string columns)
    {
        using var db = new TempDatabase();
        using var store = db.Open();
        var actual = store.QueryColumn($"""
            SELECT string_agg(column_name || ' ' || data_type, ', ' ORDER BY ordinal_position)
            FROM information_schema.columns WHERE table_name = '{table}'
            """);
        Assert.Equal([columns], actual);
    }
}
