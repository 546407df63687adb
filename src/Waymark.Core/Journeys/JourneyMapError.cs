using Waymark.Core.Errors;

namespace Waymark.Core.Journeys;

/// <summary>
/// One problem in a journey-map file: where (file, 1-based line and column of the node at fault)
/// and what is wrong, saying what was expected.
/// </summary>
/// <param name="Location">The file, line and column.</param>
/// <param name="Message">What is wrong and what was expected, such as <c>unknown key 'x' in milestone 'y'; expected one of: …</c>.</param>
public sealed record JourneyMapError(SourceLocation Location, string Message)
{
    /// <summary>The error in one line: <c>file:line:column: message</c>.</summary>
    public override string ToString() => $"{Location}: {Message}";
}

/// <summary>The result of reading one map file: the map when it has no errors, and every error found.</summary>
/// <param name="Source">The file name the errors name.</param>
/// <param name="Map">The map; null when there are errors.</param>
/// <param name="Errors">Every error, in file order (line, then column); empty when the map is valid.</param>
public sealed record JourneyMapResult(string Source, JourneyMap? Map, IReadOnlyList<JourneyMapError> Errors)
{
    /// <summary>True when the file is a valid map.</summary>
    public bool IsValid => Map is not null;

    /// <summary>The map, or a <see cref="JourneyMapException"/> carrying every error.</summary>
    public JourneyMap GetMapOrThrow() => Map ?? throw new JourneyMapException(Source, Errors);
}

/// <summary>A journey-map file that is not valid, with every error found in it.</summary>
public sealed class JourneyMapException : WaymarkException
{
    /// <summary>Creates the exception; the message lists every error, one a line.</summary>
    public JourneyMapException(string source, IReadOnlyList<JourneyMapError> errors)
        : base($"{source} is not a valid journey map:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}")
    {
        File = source;
        Errors = errors;
    }

    /// <summary>The file.</summary>
    public string File { get; }

    /// <summary>Every error found.</summary>
    public IReadOnlyList<JourneyMapError> Errors { get; }
}
