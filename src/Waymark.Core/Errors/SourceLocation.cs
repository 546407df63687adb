using System.Text;

namespace Waymark.Core.Errors;

/// <summary>
/// Where in a source something is: a file with a 1-based line and column, and/or a path inside
/// a structured record (a JSON path such as <c>$.properties.plan</c>, an XES element path such
/// as <c>/log/trace[3]/event[2]</c>, or a Parquet row).
/// </summary>
public readonly record struct SourceLocation(string Source, long Line = 0, long Column = 0, string? Path = null)
{
    /// <summary>Formats as <c>file:line:column path</c>, leaving out what is unknown.</summary>
    public override string ToString()
    {
        var text = new StringBuilder(Source);
        if (Line > 0)
        {
            text.Append(':').Append(Line);
            if (Column > 0)
            {
                text.Append(':').Append(Column);
            }
        }

        if (!string.IsNullOrEmpty(Path))
        {
            text.Append(' ').Append(Path);
        }

        return text.ToString();
    }
}
