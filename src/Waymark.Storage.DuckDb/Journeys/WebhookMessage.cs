namespace Waymark.Storage.DuckDb.Journeys;

/// <summary>Where a webhook message stands. Stored as the words <c>pending</c>, <c>delivered</c> and <c>failed</c>.</summary>
public enum WebhookStatus
{
    /// <summary>Not delivered yet; due at its next attempt time.</summary>
    Pending,

    /// <summary>A POST was answered with a success status (2xx).</summary>
    Delivered,

    /// <summary>Given up after its last attempt failed; never sent again.</summary>
    Failed,
}

/// <summary>One webhook call in the outbox: the URL and the JSON to post, and how its delivery went.</summary>
/// <param name="Id">Unique in the database, from 1.</param>
/// <param name="Url">The absolute http or https URL.</param>
/// <param name="Payload">The JSON body: the firing (map, version, subject, instance, contingency, fired_at, reason, status).</param>
/// <param name="CreatedAt">When the firing was recorded (UTC).</param>
/// <param name="Attempts">How many POSTs were tried, delivered or not.</param>
/// <param name="NextAttemptAt">When a pending message is due (UTC); for delivered and failed messages, the last value it had.</param>
/// <param name="Status">Pending, delivered or failed.</param>
/// <param name="LastError">What the latest failed attempt met (HTTP status or network error); null when none failed.</param>
/// <param name="DeliveredAt">When it was delivered; null otherwise.</param>
public sealed record WebhookMessage(
    long Id,
    Uri Url,
    string Payload,
    DateTime CreatedAt,
    int Attempts,
    DateTime NextAttemptAt,
    WebhookStatus Status,
    string? LastError,
    DateTime? DeliveredAt);
