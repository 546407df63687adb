namespace Waymark.Core.Storage;

/// <summary>
/// A batch of messages turned by <see cref="IAppendSession.Prepare"/> into what the store needs
/// (ids hashed, values encoded), so that the appending thread only has to store it. Opaque to
/// callers; reusable through <see cref="IAppendSession.Prepare"/>'s <c>reuse</c> argument.
/// </summary>
public interface IPreparedBatch
{
    /// <summary>How many messages (events and profile messages) the batch holds.</summary>
    int MessageCount { get; }
}
