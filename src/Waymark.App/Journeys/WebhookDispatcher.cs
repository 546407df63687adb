using System.Net.Http.Headers;
using Waymark.Core.Model;
using Waymark.Storage.DuckDb.Journeys;

namespace Waymark.App.Journeys;

/// <summary>
/// Delivers the webhook outbox: POSTs each due message's JSON payload to its URL; a 2xx answer
/// marks it delivered; anything else (another status, a network error, a timeout) is a failed
/// attempt, retried later by <see cref="WebhookRetryPolicy"/> until it gives up and marks the
/// message failed with the last error. It works on the outbox's own connection and its own task,
/// so ingestion never waits on a slow endpoint. Delivery is at least once (a receiver can dedupe
/// on map, subject, instance and contingency). One dispatcher per store; not thread-safe.
/// </summary>
public sealed class WebhookDispatcher : IDisposable
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    private readonly WebhookOutbox _outbox;
    private readonly HttpClient _http;
    private readonly TimeProvider _time;
    private readonly WebhookRetryPolicy _policy;
    private int _failedRounds;

    /// <summary>
    /// A dispatcher for <paramref name="outbox"/> (which it owns and disposes) posting through
    /// <paramref name="http"/> (which the caller owns), with time from <paramref name="time"/>.
    /// </summary>
    public WebhookDispatcher(WebhookOutbox outbox, HttpClient http, TimeProvider time, WebhookRetryPolicy? policy = null)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(time);
        _policy = policy ?? new WebhookRetryPolicy();
        _policy.Validate();
        _outbox = outbox;
        _http = http;
        _time = time;
    }

    /// <summary>
    /// Sends every pending message due at or before <paramref name="now"/> once, one after another,
    /// and records each outcome; a failed attempt is due again at <paramref name="now"/> plus the
    /// policy's delay. Returns what happened. One message's failure never stops the others.
    /// </summary>
    public async Task<WebhookRound> RunOnceAsync(DateTime now, CancellationToken cancellationToken = default)
    {
        now = Timestamps.Normalize(now);
        int delivered = 0, retrying = 0, failed = 0;
        while (_outbox.TakeDue(now) is { Count: > 0 } due)
        {
            foreach (var message in due)
            {
                var error = await PostAsync(message, cancellationToken).ConfigureAwait(false);
                if (error is null)
                {
                    _outbox.MarkDelivered(message.Id, Timestamps.Normalize(_time.GetUtcNow()));
                    delivered++;
                }
                else if (_policy.DelayAfter(message.Attempts + 1) is { } delay)
                {
                    _outbox.MarkFailed(message.Id, error, now + delay);
                    retrying++;
                }
                else
                {
                    _outbox.MarkFailed(message.Id, error, retryAt: null);
                    failed++;
                }
            }
        }

        return new WebhookRound(delivered, retrying, failed);
    }

    /// <summary>
    /// Runs <see cref="RunOnceAsync"/> at the time provider's now, then every <see cref="WebhookRetryPolicy.PollInterval"/>
    /// of its time, until <paramref name="cancellationToken"/> is cancelled; then completes without throwing.
    /// A round that throws is counted in <see cref="FailedRounds"/> and the loop goes on.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(_time.GetUtcNow().UtcDateTime, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A background loop that died silently would deliver nothing ever again: count it and go on.
                Interlocked.Increment(ref _failedRounds);
                LastRoundError = e;
            }

            try
            {
                await Task.Delay(_policy.PollInterval, _time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>How many rounds of <see cref="RunAsync"/> failed as a whole (the database was unavailable), not counting failed deliveries.</summary>
    public int FailedRounds => Volatile.Read(ref _failedRounds);

    /// <summary>What the latest failed round threw; null when none failed.</summary>
    public Exception? LastRoundError { get; private set; }

    /// <inheritdoc />
    public void Dispose() => _outbox.Dispose();

    // Null when delivered; otherwise what went wrong, in words.
    private async Task<string?> PostAsync(WebhookMessage message, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_policy.AttemptTimeout);
        using var content = new StringContent(message.Payload, Json);
        try
        {
            using var response = await _http.PostAsync(message.Url, content, timeout.Token).ConfigureAwait(false);
            return response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}".TrimEnd();
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"no answer within {_policy.AttemptTimeout.TotalSeconds:0.###} s";
        }
        catch (HttpRequestException e)
        {
            return e.Message;
        }
    }
}

/// <summary>What one round of <see cref="WebhookDispatcher.RunOnceAsync"/> did.</summary>
/// <param name="Delivered">Messages answered with 2xx, now delivered.</param>
/// <param name="Retrying">Messages whose attempt failed and that stay pending, due later.</param>
/// <param name="Failed">Messages whose last allowed attempt failed, now failed for good.</param>
public sealed record WebhookRound(int Delivered, int Retrying, int Failed);
