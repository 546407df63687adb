using Waymark.Core.Errors;

namespace Waymark.Engine.Kernels.Sequences;

/// <summary>
/// A sequence pattern that cannot be used: where in the pattern (0-based, as ClickHouse counts),
/// what was expected there and what was found.
/// </summary>
public sealed class SequencePatternException : WaymarkException
{
    /// <summary>Creates the error; the message reads <c>pattern '…' at position 4: expected …; found …</c>.</summary>
    public SequencePatternException(string pattern, int position, string expected, string found)
        : base($"sequence pattern '{pattern}' at position {position}: expected {expected}; found {found}")
    {
        Pattern = pattern;
        Position = position;
        Expected = expected;
        Found = found;
    }

    /// <summary>The pattern as given.</summary>
    public string Pattern { get; }

    /// <summary>The 0-based character position of the problem.</summary>
    public int Position { get; }

    /// <summary>What was expected at <see cref="Position"/>.</summary>
    public string Expected { get; }

    /// <summary>What was found there (<c>end of pattern</c> when the pattern ended early).</summary>
    public string Found { get; }
}
