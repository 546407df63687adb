namespace Waymark.Formats.Xes;

/// <summary>Why an attribute could not be read, and where its element starts in the file.</summary>
internal sealed record XesProblem(string Expected, string? Found, long Line, long Column);
