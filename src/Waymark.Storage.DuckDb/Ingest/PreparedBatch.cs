using Waymark.Core.Model;
using Waymark.Core.Storage;

namespace Waymark.Storage.DuckDb.Ingest;

/// <summary>
/// A batch as <see cref="BatchPreparer"/> leaves it for the appending thread: events as table
/// columns, profile messages with their id hashes, and which of them the dedupe index already
/// knew (candidates the appender confirms against the stored ids). Reused between batches.
/// </summary>
internal sealed class PreparedBatch : IPreparedBatch
{
    /// <summary>The events, in source order.</summary>
    public EventRows Events { get; } = new();

    /// <summary>Rows of <see cref="Events"/> whose id hash was already known: possible duplicates.</summary>
    public List<int> EventCandidates { get; } = [];

    /// <summary>Identify, group and alias messages, in source order.</summary>
    public List<ProfileMessage> Profiles { get; } = [];

    /// <summary>The id hash of each of <see cref="Profiles"/>.</summary>
    public List<ulong> ProfileHashes { get; } = [];

    /// <summary>Indexes into <see cref="Profiles"/> whose id hash was already known.</summary>
    public List<int> ProfileCandidates { get; } = [];

    /// <summary>Records of the source batch that could not be read.</summary>
    public int Rejected { get; set; }

    /// <summary>The dictionaries that coded <see cref="Events"/>, and how many entries they had then.</summary>
    public Dictionaries? Codes { get; set; }

    /// <inheritdoc cref="Codes"/>
    public int DictionaryMark { get; set; }

    /// <inheritdoc />
    public int MessageCount => Events.Count + Profiles.Count;

    /// <summary>Forgets everything, keeping capacity.</summary>
    public void Clear()
    {
        Events.Clear();
        EventCandidates.Clear();
        Profiles.Clear();
        ProfileHashes.Clear();
        ProfileCandidates.Clear();
        Rejected = 0;
        Codes = null;
        DictionaryMark = 0;
    }
}
