using Waymark.Core.Ingest;

namespace Waymark.Core.Storage;

/// <summary>
/// Where events, people and accounts live. One writer at a time. Everything an append reports
/// as accepted is durable when the call returns; see <see cref="AppendMode"/> for when
/// <see cref="IAppendSession.Commit"/> is needed too.
/// </summary>
public interface IEventStore : IDisposable
{
    /// <summary>Where the store is (a file path, a connection string without secrets).</summary>
    string Location { get; }

    /// <summary>The schema version of the open store.</summary>
    int SchemaVersion { get; }

    /// <summary>Starts appending in the given mode.</summary>
    IAppendSession BeginAppend(AppendMode mode = AppendMode.PerBatch);

    /// <summary>Counts of what the store holds.</summary>
    StoreStats GetStats(int topEventNames = int.MaxValue);
}

/// <summary>A run of appends, made durable as its <see cref="AppendMode"/> says.</summary>
public interface IAppendSession : IMessageSink, IDisposable
{
    /// <summary>
    /// Appends a batch: drops messages whose id the store already holds (or that appear twice
    /// in the batch), upserts people and accounts, appends events. The batch's own
    /// <see cref="MessageBatch.Errors"/> count as rejected.
    /// </summary>
    AppendResult Append(MessageBatch batch);

    /// <summary>
    /// Does the part of an append that needs no database — parsing done, this hashes ids,
    /// checks them against the ids the store knows, encodes values — so that it can run on the
    /// thread that reads the input while another appends the previous batch. Batches must be
    /// prepared in the order they will be appended, by one thread at a time; the result keeps
    /// nothing of <paramref name="batch"/>'s events, so the batch can be reused at once.
    /// <paramref name="reuse"/> is an earlier prepared batch of this session, already appended,
    /// whose buffers are filled again.
    /// </summary>
    IPreparedBatch Prepare(MessageBatch batch, IPreparedBatch? reuse = null);

    /// <summary>Appends a batch made by <see cref="Prepare"/>, as <see cref="Append(MessageBatch)"/> does.</summary>
    AppendResult Append(IPreparedBatch batch);

    /// <summary>The totals over every append of this session.</summary>
    AppendResult Total { get; }

    /// <summary>
    /// Makes everything appended so far durable: the whole transaction of an all-or-nothing
    /// session, or the events a bulk session held back. Call it when the input ends; a session
    /// disposed without it keeps what its appends reported, no more.
    /// </summary>
    void Commit();
}
