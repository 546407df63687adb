using Waymark.Core.Errors;
using Waymark.Core.Model;

namespace Waymark.Core.Ingest;

/// <summary>
/// A batch of messages read from one source, in source order per kind, with the errors of the
/// records that could not be read. Reused by readers: <see cref="Clear"/> between batches.
/// </summary>
public sealed class MessageBatch
{
    /// <summary>Events, in source order.</summary>
    public List<Event> Events { get; } = [];

    /// <summary>Identify, group and alias messages, in source order.</summary>
    public List<ProfileMessage> Profiles { get; } = [];

    /// <summary>Records that were rejected, with where and why.</summary>
    public List<RecordError> Errors { get; } = [];

    /// <summary>How many messages (events and profile messages) the batch holds.</summary>
    public int MessageCount => Events.Count + Profiles.Count;

    /// <summary>Forgets everything, keeping capacity.</summary>
    public void Clear()
    {
        Events.Clear();
        Profiles.Clear();
        Errors.Clear();
    }
}
