namespace Waymark.Core.Ingest;

/// <summary>
/// Streams messages out of one source (a file, a stream) in batches, with memory that does
/// not grow with the source. A record that cannot be read becomes a <see cref="Errors.RecordError"/>
/// in the batch and reading goes on; an error that ends the source (malformed XML, a truncated
/// gzip stream) is reported as a fatal record error and the reader then returns false.
/// </summary>
public interface IMessageReader : IDisposable
{
    /// <summary>The name of the source in error messages (a file path).</summary>
    string SourceName { get; }

    /// <summary>Bytes of the source consumed so far, for progress.</summary>
    long Position { get; }

    /// <summary>The source's total size in bytes, when known.</summary>
    long? Length { get; }

    /// <summary>
    /// Clears <paramref name="batch"/> and fills it with up to about <paramref name="maxMessages"/>
    /// messages and the errors met on the way. Returns false when the source is exhausted and
    /// the batch is empty.
    /// </summary>
    bool ReadBatch(MessageBatch batch, int maxMessages);
}
