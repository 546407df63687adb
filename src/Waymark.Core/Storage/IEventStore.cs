using Waymark.Core.Ingest;

namespace Waymark.Core.Storage;

/// <summary>
/// Where events, people and accounts live. One writer at a time. Everything an append reports
/// as accepted is durable when the call returns (or, in an all-or-nothing session, when
/// <see cref="IAppendSession.Commit"/> returns).
/// </summary>
public interface IEventStore : IDisposable
{
    /// <summary>Where the store is (a file path, a connection string without secrets).</summary>
    string Location { get; }

    /// <summary>The schema version of the open store.</summary>
    int SchemaVersion { get; }

    /// <summary>Starts appending. With <paramref name="allOrNothing"/>, nothing is visible or durable until commit.</summary>
    IAppendSession BeginAppend(bool allOrNothing = false);

    /// <summary>Counts of what the store holds.</summary>
    StoreStats GetStats(int topEventNames = int.MaxValue);
}

/// <summary>A run of appends: either each append commits, or all of them commit at the end.</summary>
public interface IAppendSession : IMessageSink, IDisposable
{
    /// <summary>
    /// Appends a batch: drops messages whose id the store already holds (or that appear twice
    /// in the batch), upserts people and accounts, appends events. The batch's own
    /// <see cref="MessageBatch.Errors"/> count as rejected.
    /// </summary>
    AppendResult Append(MessageBatch batch);

    /// <summary>The totals over every append of this session.</summary>
    AppendResult Total { get; }

    /// <summary>Makes an all-or-nothing session durable; a no-op for a per-batch session.</summary>
    void Commit();
}
