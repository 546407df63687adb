using System.Buffers.Text;
using System.Text.Json;

namespace Waymark.Formats.Csv;

/// <summary>
/// The type of a CSV cell that becomes a property: an integer (64-bit), else a floating-point
/// number, else <c>true</c>/<c>false</c>, else a string — a number or boolean only when writing
/// the value back gives exactly the cell's text, so <c>007</c>, <c>+1</c>, <c>1e3</c>, <c>1.50</c>
/// and <c>TRUE</c> stay strings.
/// </summary>
internal static class CellTypes
{
    /// <summary>Writes a non-empty cell as a typed JSON property.</summary>
    public static void Write(Utf8JsonWriter writer, JsonEncodedText key, ReadOnlySpan<byte> cell)
    {
        if (IsInteger(cell, out var integer))
        {
            writer.WriteNumber(key, integer);
        }
        else if (IsFloat(cell))
        {
            // The text is already the shortest round-trip form, which is valid JSON.
            writer.WritePropertyName(key);
            writer.WriteRawValue(cell, skipInputValidation: true);
        }
        else if (cell.SequenceEqual("true"u8) || cell.SequenceEqual("false"u8))
        {
            writer.WriteBoolean(key, cell[0] == (byte)'t');
        }
        else
        {
            writer.WriteString(key, cell);
        }
    }

    private static bool IsInteger(ReadOnlySpan<byte> cell, out long value)
    {
        value = 0;
        if (cell.Length > 20 || !Utf8Parser.TryParse(cell, out value, out var used) || used != cell.Length)
        {
            return false;
        }

        Span<byte> text = stackalloc byte[24];
        return Utf8Formatter.TryFormat(value, text, out var written) && text[..written].SequenceEqual(cell);
    }

    private static bool IsFloat(ReadOnlySpan<byte> cell)
    {
        if (cell.Length > 32 || !Utf8Parser.TryParse(cell, out double value, out var used) || used != cell.Length
            || !double.IsFinite(value))
        {
            return false;
        }

        Span<byte> text = stackalloc byte[40];
        return value.TryFormat(text, out var written, default, System.Globalization.CultureInfo.InvariantCulture)
            && text[..written].SequenceEqual(cell);
    }
}
