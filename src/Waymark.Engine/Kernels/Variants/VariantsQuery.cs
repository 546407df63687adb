using Waymark.Engine.Execution;

namespace Waymark.Engine.Kernels.Variants;

/// <summary>What <see cref="TraceVariants.Run"/> computes.</summary>
/// <param name="Scope">The subjects and the time range; a subject's variant uses only its events inside the range.</param>
public sealed record VariantsQuery(QueryScope Scope)
{
    /// <summary>The default of <see cref="Top"/>.</summary>
    public const int DefaultTop = 20;

    /// <summary>How many variants to return, the most frequent first; at least 1 (int.MaxValue for all).</summary>
    public int Top { get; init; } = DefaultTop;
}
