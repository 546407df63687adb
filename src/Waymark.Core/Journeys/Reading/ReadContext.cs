using System.Globalization;
using System.Text.RegularExpressions;
using Waymark.Core.Conditions;
using Waymark.Core.Errors;

namespace Waymark.Core.Journeys.Reading;

/// <summary>
/// The errors of one file and the readers of typed values: each reader returns null after
/// reporting what was expected, so that reading goes on and every error of a file is found.
/// </summary>
internal sealed partial class ReadContext(string source)
{
    private readonly List<JourneyMapError> _errors = [];

    public string Source { get; } = source;

    /// <summary>The errors so far, in file order (line, then column; ties in the order found).</summary>
    public IReadOnlyList<JourneyMapError> Errors =>
        [.. _errors.OrderBy(e => e.Location.Line).ThenBy(e => e.Location.Column)];

    public bool HasErrors => _errors.Count > 0;

    /// <summary>How many errors so far: a reader compares it before and after to know whether its part was valid.</summary>
    public int ErrorCount => _errors.Count;

    public void Error(YNode node, string message) => Error(node.Line, node.Column, message);

    public void Error(long line, long column, string message) =>
        _errors.Add(new JourneyMapError(new SourceLocation(Source, line, column), message));

    /// <summary>Non-empty text (a scalar that is not null; numbers and booleans are taken as written).</summary>
    public string? Text(YNode node, string what)
    {
        if (node is YScalar { IsNull: false } scalar && scalar.Value.Trim().Length > 0)
        {
            return scalar.Value;
        }

        Error(node, $"{what}: expected text; found {node.Describe()}");
        return null;
    }

    public bool? Bool(YNode node, string what)
    {
        if (node is YScalar { Plain: true, Value: "true" or "false" } scalar)
        {
            return scalar.Value == "true";
        }

        Error(node, $"{what}: expected true or false; found {node.Describe()}{QuotedHint(node)}");
        return null;
    }

    /// <summary>A plain (unquoted) decimal number.</summary>
    public double? Number(YNode node, string what)
    {
        if (TryNumber(node, out var value))
        {
            return value;
        }

        Error(node, $"{what}: expected a number; found {node.Describe()}{QuotedHint(node)}");
        return null;
    }

    /// <summary>Tells why <c>"3"</c> or <c>"true"</c> is refused where a number or a boolean belongs.</summary>
    private static string QuotedHint(YNode node) => node is YScalar { Plain: false } ? " in quotes, which make it text" : "";

    public static bool TryNumber(YNode node, out double value)
    {
        value = 0;
        return node is YScalar { Plain: true } scalar
            && double.TryParse(scalar.Value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value)
            && double.IsFinite(value);
    }

    /// <summary>A duration such as <c>7d</c>; positive unless <paramref name="allowZero"/>.</summary>
    public TimeSpan? Duration(YNode node, string what, bool allowZero = false)
    {
        const string Expected = "expected a duration such as 7d, 36h or 1d12h";
        if (node is not YScalar { IsNull: false } scalar)
        {
            Error(node, $"{what}: {Expected}; found {node.Describe()}");
            return null;
        }

        try
        {
            var duration = Durations.Parse(scalar.Value);
            if (duration > TimeSpan.Zero || (allowZero && duration == TimeSpan.Zero))
            {
                return duration;
            }

            Error(node, $"{what}: expected a duration {(allowZero ? "of zero or more" : "longer than zero")}; found '{scalar.Value}'");
        }
        catch (SyntaxException e)
        {
            Error(node, $"{what}: {Expected}; found '{scalar.Value}' ({e.Expected} at character {e.Position + 1})");
        }

        return null;
    }

    /// <summary>An id: lower-case letters, digits and hyphens, starting with a letter, at most 64 characters.</summary>
    public string? Id(YNode node, string what)
    {
        if (node is YScalar { IsNull: false } scalar && IsId(scalar.Value))
        {
            return scalar.Value;
        }

        Error(node, $"{what}: expected an id of lower-case letters, digits and hyphens, starting with a letter (such as first-report); found {node.Describe()}");
        return null;
    }

    public static bool IsId(string text) => text.Length <= 64 && IdPattern().IsMatch(text);

    /// <summary>One of <paramref name="names"/>, as its index.</summary>
    public int? OneOf(YNode node, string what, IReadOnlyList<string> names)
    {
        if (node is YScalar { IsNull: false } scalar && JourneyNames.IndexOf(names, scalar.Value) is var index and >= 0)
        {
            return index;
        }

        Error(node, $"{what}: expected one of: {string.Join(", ", names)}; found {node.Describe()}");
        return null;
    }

    /// <summary>The items of a list; null after reporting when the node is not a list.</summary>
    public IReadOnlyList<YNode>? List(YNode node, string what)
    {
        if (node is YSequence sequence)
        {
            return sequence.Items;
        }

        Error(node, $"{what}: expected a list; found {node.Describe()}");
        return null;
    }

    /// <summary>A list, or a single item standing for a list of one (<c>by_role: champion</c>).</summary>
    public static IReadOnlyList<YNode> OneOrMany(YNode node) => node is YSequence sequence ? sequence.Items : [node];

    /// <summary>"key in context", or the key alone at the top of the map.</summary>
    public static string In(string key, string? context) => context is null ? key : $"{key} in {context}";

    [GeneratedRegex("^[a-z][a-z0-9]*(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
