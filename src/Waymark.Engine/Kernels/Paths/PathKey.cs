using System.Runtime.CompilerServices;
using Waymark.Engine.Kernels.Variants;

namespace Waymark.Engine.Kernels.Paths;

/// <summary>A path's name codes held inline (no allocation), as a dictionary key that compares them exactly.</summary>
internal struct PathKey : IEquatable<PathKey>
{
    private readonly int _hash;
    private Names _names;

    public PathKey(ReadOnlySpan<int> path)
    {
        Length = path.Length;
        path.CopyTo(_names);
        _hash = (int)SequenceTable.Hash(path).H1;
    }

    /// <summary>How many names the path has.</summary>
    public int Length { get; }

    /// <summary>Name code <paramref name="i"/>, in the order the path was taken (from the anchor).</summary>
    public readonly int this[int i] => _names[i];

    public readonly bool Equals(PathKey other)
    {
        ReadOnlySpan<int> mine = _names, theirs = other._names;
        return _hash == other._hash && mine[..Length].SequenceEqual(theirs[..other.Length]);
    }

    public override readonly bool Equals(object? obj) => obj is PathKey other && Equals(other);

    public override readonly int GetHashCode() => _hash;

    [InlineArray(PathFlows.MaxDepth)]
    private struct Names
    {
        private int _first;
    }
}
