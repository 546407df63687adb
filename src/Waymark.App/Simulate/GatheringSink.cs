using Waymark.Core.Ingest;

namespace Waymark.App.Simulate;

/// <summary>
/// Gathers a producer's small batches into large ones before handing them on, so that a
/// store commits once per large batch rather than once per small one.
/// </summary>
internal sealed class GatheringSink(IMessageSink next, int batchMessages) : IMessageSink
{
    private readonly MessageBatch _gathered = new();

    /// <summary>Copies the batch's messages (immutable records, so references suffice).</summary>
    public void Write(MessageBatch batch)
    {
        _gathered.Events.AddRange(batch.Events);
        _gathered.Profiles.AddRange(batch.Profiles);
        _gathered.Errors.AddRange(batch.Errors);
        if (_gathered.MessageCount >= batchMessages)
        {
            Flush();
        }
    }

    /// <summary>Hands on what is gathered.</summary>
    public void Flush()
    {
        if (_gathered.MessageCount > 0 || _gathered.Errors.Count > 0)
        {
            next.Write(_gathered);
            _gathered.Clear();
        }
    }
}
