using System.Diagnostics.CodeAnalysis;

namespace Waymark.Core.Errors;

/// <summary>Throws through small helpers so that hot callers stay small.</summary>
public static class ThrowHelper
{
    /// <summary>Throws an <see cref="InputException"/>.</summary>
    [DoesNotReturn]
    public static void ThrowInput(SourceLocation location, string expected, string? found = null) =>
        throw new InputException(new RecordError(location, expected, found, Fatal: true));

    /// <summary>Throws a <see cref="WaymarkException"/>.</summary>
    [DoesNotReturn]
    public static void Throw(string message) => throw new WaymarkException(message);
}
