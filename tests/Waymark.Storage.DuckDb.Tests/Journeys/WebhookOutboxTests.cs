using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Waymark.Core.Journeys;
using Waymark.Storage.DuckDb.Journeys;

namespace Waymark.Storage.DuckDb.Tests.Journeys;

public sealed class WebhookOutboxTests
{
    private static readonly DateTime Now = new(2026, 3, 12, 14, 0, 0, DateTimeKind.Utc);
    private static readonly Uri Hook = new("http://127.0.0.1:9/hooks/stalled");

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(Now));

    [Fact]
    public void RecordFirings_Webhook_IsPendingAndDueNow_WithTheFiringAsPayload()
    {
        using var db = new TempDatabase();
        using var store = DuckDbEventStore.Open(db.Path, _clock);
        store.RecordFirings([SomeFiring.Of(actions: new CallWebhook(Hook)) with { MapVersion = 4, InstanceStatus = JourneyStatus.Stalled }]);
        using var outbox = store.OpenWebhookOutbox();
        var message = Assert.Single(outbox.TakeDue(Now));
        Assert.Equal((1L, Hook, Now, 0, Now, WebhookStatus.Pending), (message.Id, message.Url, message.CreatedAt, message.Attempts, message.NextAttemptAt, message.Status));
        using var payload = JsonDocument.Parse(message.Payload);
        Assert.Equal(
            """{"map":"team-onboarding","version":4,"subject":"acme","instance":1,"contingency":"call-champion","fired_at":"2026-03-10T08:30:00.000Z","reason":"first-report is 3 days overdue","status":"stalled"}""",
            JsonSerializer.Serialize(payload.RootElement));
    }

    [Fact]
    public void TakeDue_OnlyPendingMessagesDueByNow_EarliestFirst()
    {
        using var db = new TempDatabase();
        using var store = DuckDbEventStore.Open(db.Path, _clock);
        store.RecordFirings([SomeFiring.Of("a", actions: new CallWebhook(Hook)), SomeFiring.Of("b", actions: new CallWebhook(Hook)),
            SomeFiring.Of("c", actions: new CallWebhook(Hook))]);
        using var outbox = store.OpenWebhookOutbox();
        Assert.True(outbox.MarkFailed(1, "HTTP 500", Now.AddMinutes(1)));
        Assert.True(outbox.MarkDelivered(2, Now));
        Assert.Equal([3L], outbox.TakeDue(Now).Select(m => m.Id));
        Assert.Equal([3L, 1L], outbox.TakeDue(Now.AddMinutes(1)).Select(m => m.Id));
        Assert.Equal([3L], outbox.TakeDue(Now.AddMinutes(1), max: 1).Select(m => m.Id));
    }

    [Fact]
    public void MarkFailed_WithoutRetry_EndsFailed_KeepsTheErrorAndCountsAttempts()
    {
        using var db = new TempDatabase();
        using var store = DuckDbEventStore.Open(db.Path, _clock);
        store.RecordFirings([SomeFiring.Of(actions: new CallWebhook(Hook))]);
        using var outbox = store.OpenWebhookOutbox();
        outbox.MarkFailed(1, "HTTP 500", Now.AddMinutes(1));
        Assert.True(outbox.MarkFailed(1, "connection refused", retryAt: null));
        Assert.False(outbox.MarkFailed(1, "again", retryAt: null));
        Assert.False(outbox.MarkDelivered(1, Now));
        var message = Assert.Single(outbox.List(WebhookStatus.Failed));
        Assert.Equal((2, "connection refused", (DateTime?)null), (message.Attempts, message.LastError, message.DeliveredAt));
        Assert.Empty(outbox.TakeDue(Now.AddYears(1)));
    }

    [Fact]
    public void MarkDelivered_IsDurable_AcrossReopen()
    {
        using var db = new TempDatabase();
        using (var store = DuckDbEventStore.Open(db.Path, _clock))
        {
            store.RecordFirings([SomeFiring.Of(actions: new CallWebhook(Hook))]);
            using var outbox = store.OpenWebhookOutbox();
            outbox.MarkDelivered(1, Now.AddSeconds(5));
        }

        using var reopened = DuckDbEventStore.Open(db.Path, _clock);
        using var again = reopened.OpenWebhookOutbox();
        var message = Assert.Single(again.List());
        Assert.Equal((WebhookStatus.Delivered, 1, (DateTime?)Now.AddSeconds(5)), (message.Status, message.Attempts, message.DeliveredAt));
    }

    [Fact]
    public void Outbox_BesideAnOpenTransactionOfTheStore_IsNotBlocked()
    {
        using var db = new TempDatabase();
        using var store = DuckDbEventStore.Open(db.Path, _clock);
        store.RecordFirings([SomeFiring.Of(actions: new CallWebhook(Hook))]);
        using var outbox = store.OpenWebhookOutbox();
        using var session = store.BeginAppend(Core.Storage.AppendMode.AllOrNothing);
        session.Append(Some.Batch(Some.Event("m1")));
        Assert.True(outbox.MarkDelivered(1, Now));
        session.Commit();
        Assert.Equal(["1"], store.QueryColumn("SELECT count(*) FROM events"));
    }
}
