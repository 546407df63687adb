using System.Data.Common;
using DuckDB.NET.Data;
using Waymark.Core.Model;

namespace Waymark.Storage.DuckDb.Journeys;

/// <summary>
/// The webhook outbox as the dispatcher sees it, on its own connection to the store's file, so that
/// delivering never waits on (or blocks) ingestion on the store's connection. Each method is one
/// statement, committed before it returns. Delivery is at least once: a message whose POST succeeded
/// but whose <see cref="MarkDelivered"/> was lost (a crash between the two) is sent again.
/// Use from one thread at a time.
/// </summary>
public sealed class WebhookOutbox : IDisposable
{
    private const string Columns = "id, url, payload::VARCHAR, created_at, attempts, next_attempt_at, status, last_error, delivered_at";

    private readonly DuckDBConnection _connection;

    internal WebhookOutbox(DuckDBConnection connection) => _connection = connection;

    /// <summary>
    /// Up to <paramref name="max"/> pending messages whose next attempt time is at or before
    /// <paramref name="now"/>, earliest due first (then by id). Taking them changes nothing: the
    /// caller marks each delivered or failed.
    /// </summary>
    public IReadOnlyList<WebhookMessage> TakeDue(DateTime now, int max = 100)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        return Rows.Query(_connection, $"""
            SELECT {Columns} FROM webhook_outbox
            WHERE status = $pending AND next_attempt_at <= $now
            ORDER BY next_attempt_at, id LIMIT $max
            """, Read, ("pending", JourneyWords.Of(WebhookStatus.Pending)), ("now", Timestamps.Normalize(now)), ("max", max));
    }

    /// <summary>Every message with <paramref name="status"/> (all when null), by id.</summary>
    public IReadOnlyList<WebhookMessage> List(WebhookStatus? status = null) => status is { } s
        ? Rows.Query(_connection, $"SELECT {Columns} FROM webhook_outbox WHERE status = $status ORDER BY id", Read, ("status", JourneyWords.Of(s)))
        : Rows.Query(_connection, $"SELECT {Columns} FROM webhook_outbox ORDER BY id", Read);

    /// <summary>Counts the attempt and marks a pending message delivered at <paramref name="at"/>; false when no pending message has that id.</summary>
    public bool MarkDelivered(long id, DateTime at) => Rows.Execute(_connection, """
        UPDATE webhook_outbox SET attempts = attempts + 1, status = $delivered, delivered_at = $at
        WHERE id = $id AND status = $pending
        """, ("delivered", JourneyWords.Of(WebhookStatus.Delivered)), ("at", Timestamps.Normalize(at)), ("id", id),
        ("pending", JourneyWords.Of(WebhookStatus.Pending))) == 1;

    /// <summary>
    /// Counts a failed attempt of a pending message and keeps <paramref name="error"/>: with
    /// <paramref name="retryAt"/> it stays pending, due then; without, it is <see cref="WebhookStatus.Failed"/>
    /// for good. False when no pending message has that id.
    /// </summary>
    public bool MarkFailed(long id, string error, DateTime? retryAt)
    {
        ArgumentNullException.ThrowIfNull(error);
        var pending = JourneyWords.Of(WebhookStatus.Pending);
        return retryAt is { } retry
            ? Rows.Execute(_connection, """
                UPDATE webhook_outbox SET attempts = attempts + 1, last_error = $error, next_attempt_at = $retry
                WHERE id = $id AND status = $pending
                """, ("error", error), ("retry", Timestamps.Normalize(retry)), ("id", id), ("pending", pending)) == 1
            : Rows.Execute(_connection, """
                UPDATE webhook_outbox SET attempts = attempts + 1, last_error = $error, status = $failed
                WHERE id = $id AND status = $pending
                """, ("error", error), ("failed", JourneyWords.Of(WebhookStatus.Failed)), ("id", id), ("pending", pending)) == 1;
    }

    /// <inheritdoc />
    public void Dispose() => _connection.Dispose();

    private static WebhookMessage Read(DbDataReader r) => new(
        r.GetInt64(0), new Uri(r.GetString(1)), r.GetString(2), Rows.Time(r, 3), r.GetInt32(4), Rows.Time(r, 5),
        JourneyWords.WebhookStatus(r.GetString(6)), Rows.TextOrNull(r, 7), Rows.TimeOrNull(r, 8));
}
