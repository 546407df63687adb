namespace Waymark.Core.Storage;

/// <summary>What happened to the messages of one or more appends.</summary>
/// <param name="Accepted">Messages newly stored.</param>
/// <param name="Duplicates">Messages dropped because their message id was already stored or seen earlier in the batch.</param>
/// <param name="Rejected">Records that could not be read or were invalid.</param>
public readonly record struct AppendResult(long Accepted, long Duplicates, long Rejected)
{
    /// <summary>Adds two results.</summary>
    public static AppendResult operator +(AppendResult a, AppendResult b) =>
        new(a.Accepted + b.Accepted, a.Duplicates + b.Duplicates, a.Rejected + b.Rejected);

    /// <summary>Adds two results.</summary>
    public static AppendResult Add(AppendResult a, AppendResult b) => a + b;
}
