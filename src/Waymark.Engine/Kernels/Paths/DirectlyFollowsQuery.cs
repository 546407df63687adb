using Waymark.Engine.Execution;

namespace Waymark.Engine.Kernels.Paths;

/// <summary>What <see cref="DirectlyFollows.Run"/> computes.</summary>
/// <param name="Scope">The subjects and the time range; events outside the range are ignored as if absent, so the pairs are of consecutive events inside it.</param>
public sealed record DirectlyFollowsQuery(QueryScope Scope)
{
    /// <summary>
    /// When true (the default), each edge gets its <see cref="EdgeTimes"/> (mean, exact median and
    /// p90, min, max); when false only counts, which is one pass over the events instead of two.
    /// </summary>
    public bool WithTimes { get; init; } = true;
}
