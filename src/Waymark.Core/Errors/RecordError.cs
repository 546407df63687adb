namespace Waymark.Core.Errors;

/// <summary>
/// One record that was rejected: where it is, what was expected and what was found.
/// <see cref="Fatal"/> marks an error after which nothing more of the source can be read.
/// </summary>
public sealed record RecordError(SourceLocation Location, string Expected, string? Found = null, bool Fatal = false)
{
    /// <summary>The error in one line: <c>file:12:5: expected …, found …</c>.</summary>
    public override string ToString() =>
        Found is null ? $"{Location}: {Expected}" : $"{Location}: expected {Expected}; found {Found}";
}
