using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Waymark.App.Journeys;
using Waymark.Core.Journeys;
using Waymark.Storage.DuckDb;
using Waymark.Storage.DuckDb.Journeys;
using Waymark.Tests;

namespace Waymark.App.Tests.Journeys;

public sealed class WebhookDispatcherTests : IDisposable
{
    private static readonly DateTime T0 = new(2026, 3, 20, 12, 0, 0, DateTimeKind.Utc);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(T0));
    private readonly TempFolder _folder = new();
    private readonly HttpClient _http = new();
    private readonly DuckDbEventStore _store;

    public WebhookDispatcherTests() => _store = DuckDbEventStore.Open(_folder.Database, _clock);

    public void Dispose()
    {
        _store.Dispose();
        _http.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task FailingTwiceThenOk_IsDeliveredOnTheThirdAttempt_AfterOneThenTwoMinutes()
    {
        using var endpoint = new LoopbackEndpoint(n => n <= 2 ? HttpStatusCode.InternalServerError : HttpStatusCode.OK);
        Fire(endpoint.Url("/hooks/stalled"));
        using var dispatcher = new WebhookDispatcher(_store.OpenWebhookOutbox(), _http, _clock);
        using var outbox = _store.OpenWebhookOutbox();

        Assert.Equal(new WebhookRound(0, 1, 0), await dispatcher.RunOnceAsync(Now()));
        var first = Assert.Single(outbox.List());
        Assert.Equal((1, T0.AddMinutes(1), "HTTP 500 Internal Server Error", WebhookStatus.Pending),
            (first.Attempts, first.NextAttemptAt, first.LastError, first.Status));

        _clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(new WebhookRound(0, 0, 0), await dispatcher.RunOnceAsync(Now()));
        Assert.Single(endpoint.Requests);

        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(new WebhookRound(0, 1, 0), await dispatcher.RunOnceAsync(Now()));
        Assert.Equal(T0.AddMinutes(3), Assert.Single(outbox.List()).NextAttemptAt);

        _clock.Advance(TimeSpan.FromSeconds(119));
        Assert.Equal(new WebhookRound(0, 0, 0), await dispatcher.RunOnceAsync(Now()));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(new WebhookRound(1, 0, 0), await dispatcher.RunOnceAsync(Now()));

        var delivered = Assert.Single(outbox.List());
        Assert.Equal((3, WebhookStatus.Delivered, (DateTime?)T0.AddMinutes(3)), (delivered.Attempts, delivered.Status, delivered.DeliveredAt));
        Assert.Equal(3, endpoint.Requests.Count);
    }

    [Fact]
    public async Task AlwaysFailing_EndsFailedAfterMaxAttempts_KeepingTheLastError()
    {
        using var endpoint = new LoopbackEndpoint(_ => HttpStatusCode.ServiceUnavailable);
        Fire(endpoint.Url("/hooks/down"));
        var policy = new WebhookRetryPolicy { FirstDelay = TimeSpan.FromSeconds(10), MaxDelay = TimeSpan.FromSeconds(15), MaxAttempts = 4 };
        using var dispatcher = new WebhookDispatcher(_store.OpenWebhookOutbox(), _http, _clock, policy);
        using var outbox = _store.OpenWebhookOutbox();

        var rounds = new List<WebhookRound>();
        var due = new List<DateTime>();
        for (var i = 0; i < 4; i++)
        {
            rounds.Add(await dispatcher.RunOnceAsync(Now()));
            var message = Assert.Single(outbox.List());
            due.Add(message.NextAttemptAt);
            _clock.SetUtcNow(message.NextAttemptAt);
        }

        Assert.Equal([new(0, 1, 0), new(0, 1, 0), new(0, 1, 0), new WebhookRound(0, 0, 1)], rounds);
        // 10 s, then 20 s capped at 15 s, then 15 s; the last attempt leaves the time as it was.
        Assert.Equal([T0.AddSeconds(10), T0.AddSeconds(25), T0.AddSeconds(40), T0.AddSeconds(40)], due);
        var failed = Assert.Single(outbox.List());
        Assert.Equal((4, WebhookStatus.Failed, "HTTP 503 Service Unavailable", (DateTime?)null), (failed.Attempts, failed.Status, failed.LastError, failed.DeliveredAt));

        _clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(new WebhookRound(0, 0, 0), await dispatcher.RunOnceAsync(Now()));
        Assert.Equal(4, endpoint.Requests.Count);
    }

    [Fact]
    public async Task Delivery_PostsTheFiringAsJson()
    {
        using var endpoint = new LoopbackEndpoint(_ => HttpStatusCode.NoContent);
        Fire(endpoint.Url("/hooks/stalled"), "globex", 2);
        using var dispatcher = new WebhookDispatcher(_store.OpenWebhookOutbox(), _http, _clock);

        Assert.Equal(new WebhookRound(1, 0, 0), await dispatcher.RunOnceAsync(Now()));

        var request = Assert.Single(endpoint.Requests);
        Assert.Equal(("POST", "/hooks/stalled", "application/json; charset=utf-8"), (request.Method, request.Path, request.ContentType));
        using var body = JsonDocument.Parse(request.Body);
        var json = body.RootElement;
        Assert.Equal(8, json.EnumerateObject().Count());
        Assert.Equal("team-onboarding", json.GetProperty("map").GetString());
        Assert.Equal(3, json.GetProperty("version").GetInt32());
        Assert.Equal("globex", json.GetProperty("subject").GetString());
        Assert.Equal(2, json.GetProperty("instance").GetInt32());
        Assert.Equal("stalled-call", json.GetProperty("contingency").GetString());
        Assert.Equal("2026-03-19T08:15:00.000Z", json.GetProperty("fired_at").GetString());
        Assert.Equal("no progress for 14 days", json.GetProperty("reason").GetString());
        Assert.Equal("stalled", json.GetProperty("status").GetString());
    }

    [Fact]
    public async Task NothingListening_IsAFailedAttemptWithTheNetworkError()
    {
        int closedPort;
        using (var endpoint = new LoopbackEndpoint(_ => HttpStatusCode.OK))
        {
            closedPort = endpoint.Port;
        }

        Fire(new Uri($"http://127.0.0.1:{closedPort}/hooks"));
        using var dispatcher = new WebhookDispatcher(_store.OpenWebhookOutbox(), _http, _clock);
        using var outbox = _store.OpenWebhookOutbox();

        Assert.Equal(new WebhookRound(0, 1, 0), await dispatcher.RunOnceAsync(Now()));
        var message = Assert.Single(outbox.List());
        Assert.Contains("refused", message.LastError, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task RunAsync_DeliversInTheBackground_AndStopsWhenCancelled()
    {
        using var endpoint = new LoopbackEndpoint(_ => HttpStatusCode.OK);
        using var dispatcher = new WebhookDispatcher(_store.OpenWebhookOutbox(), _http, _clock);
        using var outbox = _store.OpenWebhookOutbox();
        using var stop = new CancellationTokenSource();
        var running = Task.Run(() => dispatcher.RunAsync(stop.Token));

        // Recorded while the loop runs: the next poll (one interval of the fake clock later) delivers it.
        Fire(endpoint.Url("/hooks/later"));
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (outbox.List(WebhookStatus.Delivered).Count == 0 && DateTime.UtcNow < deadline)
        {
            _clock.Advance(TimeSpan.FromSeconds(5));
            await Task.Delay(20);
        }

        Assert.Single(outbox.List(WebhookStatus.Delivered));
        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(running.IsCompletedSuccessfully);
        Assert.Equal(0, dispatcher.FailedRounds);
    }

    private DateTime Now() => _clock.GetUtcNow().UtcDateTime;

    private void Fire(Uri hook, string subject = "acme", int instance = 1) =>
        Assert.Equal(1, _store.RecordFirings([new FiringRecord("team-onboarding", 3, JourneySubject.Account, subject, instance, JourneyStatus.Stalled,
            "stalled-call", new DateTime(2026, 3, 19, 8, 15, 0, DateTimeKind.Utc), "no progress for 14 days", [new CallWebhook(hook)])]));
}
