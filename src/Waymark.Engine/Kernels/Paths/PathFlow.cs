namespace Waymark.Engine.Kernels.Paths;

/// <summary>
/// The paths of a <see cref="PathsQuery"/> as a Sankey chart draws them: nodes per step (one per
/// name kept at that step, plus one "other" node when names were folded), and links between
/// nodes of consecutive steps with how many paths went that way.
/// </summary>
/// <param name="Paths">How many paths (subjects, or sessions, with an anchor).</param>
/// <param name="Nodes">By step ascending, then count descending (ties by name, "other" last).</param>
/// <param name="Links">By source step ascending, then count descending (ties by source then target node index).</param>
public sealed record PathFlow(long Paths, IReadOnlyList<PathNode> Nodes, IReadOnlyList<PathLink> Links)
{
    /// <summary>
    /// The most frequent whole paths, at most <see cref="PathsQuery.TopPaths"/>: by count descending,
    /// ties by the names compared ordinally element by element (a prefix first). Names are not
    /// folded into "other" here.
    /// </summary>
    public IReadOnlyList<PathSequence> Top { get; init; } = [];
}

/// <summary>A whole path and how many paths were exactly it.</summary>
/// <param name="Names">The path's event names in time order: the anchor first for start paths, last for end paths.</param>
/// <param name="Count">How many paths (subjects, or sessions).</param>
public sealed record PathSequence(IReadOnlyList<string> Names, long Count);

/// <summary>
/// A node: the paths whose event at <see cref="Step"/> has <see cref="Name"/>. Paths that end at a
/// node are its count minus the counts of its outgoing links.
/// </summary>
/// <param name="Step">The position relative to the anchor: 0 is the anchor, 1, 2, … after it (start paths), -1, -2, … before it (end paths).</param>
/// <param name="Name">The event name; null for the step's "other" node.</param>
/// <param name="Count">How many paths.</param>
public sealed record PathNode(int Step, string? Name, long Count)
{
    /// <summary>True for the node that gathers the names below the step's limit.</summary>
    public bool IsOther => Name is null;

    /// <summary>A unique label for charts: <c>step:name</c>, or <c>step:(other)</c>.</summary>
    public string Id => $"{Step}:{Name ?? "(other)"}";
}

/// <summary>A link from a node to a node of the next step (in time order).</summary>
/// <param name="Source">The earlier node's index in <see cref="PathFlow.Nodes"/>.</param>
/// <param name="Target">The later node's index.</param>
/// <param name="Count">How many paths went from one to the other.</param>
public sealed record PathLink(int Source, int Target, long Count);
