using Waymark.Core.Journeys.Reading;
using YamlDotNet.Core;

namespace Waymark.Core.Journeys;

/// <summary>
/// Reads journey-map files (YAML, <c>format: 1</c>; reference in docs/journey-maps.md). Reading
/// never stops at the first problem: the result holds every error of the file, each with the
/// file, line and column and what was expected there.
/// </summary>
public static class JourneyMapReader
{
    /// <summary>Reads a map file; an unreadable file is one error at line 1 rather than an exception.</summary>
    /// <param name="path">The file; errors name it as given.</param>
    public static JourneyMapResult ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new JourneyMapResult(path, null,
                [new JourneyMapError(new Errors.SourceLocation(path, 1, 1), $"cannot read the file: {e.Message}")]);
        }

        return Parse(text, path);
    }

    /// <summary>Reads a map from YAML text; <paramref name="source"/> is the name errors give the file.</summary>
    public static JourneyMapResult Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(source);
        var context = new ReadContext(source);
        YNode? root;
        try
        {
            (root, var documents) = YamlTree.Load(text);
            if (documents > 1)
            {
                context.Error(1, 1, $"expected one YAML document (one map per file); found {documents}");
            }
        }
        catch (YamlException e)
        {
            context.Error(e.Start.Line, e.Start.Column, $"not valid YAML: {YamlMessage(e)}");
            return new JourneyMapResult(source, null, context.Errors);
        }

        if (root is null)
        {
            context.Error(1, 1, "expected a journey map starting with format: 1; found an empty file");
            return new JourneyMapResult(source, null, context.Errors);
        }

        var map = new MapParser(context).Read(root);
        return context.HasErrors ? new JourneyMapResult(source, null, context.Errors) : new JourneyMapResult(source, map, []);
    }

    /// <summary>YamlDotNet's message without its own "(Line: …)" prefix, which the error already carries.</summary>
    private static string YamlMessage(YamlException e)
    {
        var message = e.InnerException?.Message ?? e.Message;
        var close = message.StartsWith("(Line:", StringComparison.Ordinal) ? message.IndexOf("): ", StringComparison.Ordinal) : -1;
        return close >= 0 ? message[(close + 3)..] : message;
    }
}
