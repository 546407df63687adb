namespace Waymark.Core.Errors;

/// <summary>A piece of query or map text that does not parse, with the position and what was expected there.</summary>
public sealed class SyntaxException : WaymarkException
{
    /// <summary>Creates the error; the message quotes the text and marks the position.</summary>
    public SyntaxException(string text, int position, string expected)
        : base($"cannot read '{text}' at character {position + 1}: expected {expected}{Found(text, position)}")
    {
        Text = text;
        Position = position;
        Expected = expected;
    }

    /// <summary>The whole text that was being read.</summary>
    public string Text { get; }

    /// <summary>Where in <see cref="Text"/> reading stopped (0-based).</summary>
    public int Position { get; }

    /// <summary>What would have been valid there.</summary>
    public string Expected { get; }

    private static string Found(string text, int position) =>
        position >= text.Length ? ", found the end" : $", found '{text[position..Math.Min(text.Length, position + 12)]}'";
}
