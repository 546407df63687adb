namespace Waymark.Core.Ingest;

/// <summary>Receives batches of messages: the store, or a file writer.</summary>
public interface IMessageSink
{
    /// <summary>Takes a batch. The sink must not keep a reference to it after returning.</summary>
    void Write(MessageBatch batch);
}
