using System.Text.Json;
using Waymark.Core.Errors;

namespace Waymark.Formats.Tables;

/// <summary>One row of a table (a CSV row, a Parquet row) as the message builder sees it.</summary>
internal interface ITableRow
{
    /// <summary>True when the cell is empty (CSV) or null (Parquet).</summary>
    bool IsEmpty(int column);

    /// <summary>The cell as text, or null when empty.</summary>
    string? GetString(int column);

    /// <summary>The cell as text, or null when empty, for columns whose values repeat (names, channels, accounts).</summary>
    string? GetRepeatedString(int column);

    /// <summary>The cell as a normalised UTC time.</summary>
    bool TryGetTime(int column, out DateTime time);

    /// <summary>The cell as a finite number.</summary>
    bool TryGetNumber(int column, out double value);

    /// <summary>The cell's UTF-8 text (for JSON columns), and the same text as a string when the row already holds one.</summary>
    ReadOnlySpan<byte> GetUtf8(int column, out string? text);

    /// <summary>The cell as it appears, quoted, for error messages.</summary>
    string Describe(int column);

    /// <summary>Writes the cell as a typed property.</summary>
    void WriteProperty(Utf8JsonWriter writer, JsonEncodedText key, int column);

    /// <summary>Where the cell is; a negative column means the row itself.</summary>
    SourceLocation Locate(int column);

    /// <summary>A stable message id for a row without one.</summary>
    string DeriveMessageId();
}
