using System.Globalization;
using System.Text;
using System.Text.Json;
using Waymark.Core.Errors;
using Waymark.Core.Ingest;
using Waymark.Core.Model;
using Waymark.Formats.Tables;

namespace Waymark.Formats.Parquet;

/// <summary>A row of the current row group, read from its typed columns.</summary>
internal sealed class ParquetRow(string sourceName, ParquetColumn?[] columns) : ITableRow
{
    private readonly StringBuilder _content = new();

    /// <summary>The row's index in the current row group.</summary>
    public int Index { get; set; }

    /// <summary>The 1-based number of the row in the file.</summary>
    public long Number { get; set; }

    /// <inheritdoc />
    public bool IsEmpty(int column)
    {
        var c = columns[column];
        return c is null || c.Kind switch
        {
            ParquetKind.String => string.IsNullOrEmpty(c.Strings[Index]),
            ParquetKind.Integer => c.Integers[Index] is null,
            ParquetKind.Float => c.Floats[Index] is null,
            ParquetKind.Boolean => c.Booleans[Index] is null,
            _ => c.Times[Index] is null,
        };
    }

    /// <inheritdoc />
    public string? GetString(int column)
    {
        if (IsEmpty(column))
        {
            return null;
        }

        var c = columns[column]!;
        return c.Kind switch
        {
            ParquetKind.String => c.Strings[Index],
            ParquetKind.Integer => c.Integers[Index]!.Value.ToString(CultureInfo.InvariantCulture),
            ParquetKind.Float => c.Floats[Index]!.Value.ToString(CultureInfo.InvariantCulture),
            ParquetKind.Boolean => c.Booleans[Index]!.Value ? "true" : "false",
            _ => Timestamps.Format(c.Times[Index]!.Value),
        };
    }

    /// <inheritdoc />
    public string? GetRepeatedString(int column) => GetString(column);

    /// <inheritdoc />
    public bool TryGetTime(int column, out DateTime time)
    {
        var c = columns[column]!;
        time = default;
        switch (c.Kind)
        {
            case ParquetKind.Time:
                time = c.Times[Index]!.Value;
                return true;
            case ParquetKind.String:
                return Timestamps.TryParse(c.Strings[Index], out time);
            case ParquetKind.Integer:
                return Timestamps.TryFromUnixMilliseconds(c.Integers[Index]!.Value, out time);
            default:
                return false;
        }
    }

    /// <inheritdoc />
    public bool TryGetNumber(int column, out double value)
    {
        var c = columns[column]!;
        switch (c.Kind)
        {
            case ParquetKind.Float:
                value = c.Floats[Index]!.Value;
                return double.IsFinite(value);
            case ParquetKind.Integer:
                value = c.Integers[Index]!.Value;
                return true;
            case ParquetKind.String:
                return double.TryParse(c.Strings[Index], NumberStyles.Float, CultureInfo.InvariantCulture, out value)
                    && double.IsFinite(value);
            default:
                value = 0;
                return false;
        }
    }

    /// <inheritdoc />
    public ReadOnlySpan<byte> GetUtf8(int column, out string? text)
    {
        text = GetString(column) ?? "";
        return Encoding.UTF8.GetBytes(text);
    }

    /// <inheritdoc />
    public string Describe(int column)
    {
        var text = GetString(column) ?? "";
        return columns[column]!.Kind == ParquetKind.String ? "\"" + (text.Length > 60 ? text[..60] + "…" : text) + "\"" : text;
    }

    /// <inheritdoc />
    public void WriteProperty(Utf8JsonWriter writer, JsonEncodedText key, int column)
    {
        var c = columns[column]!;
        switch (c.Kind)
        {
            case ParquetKind.String: writer.WriteString(key, c.Strings[Index]); break;
            case ParquetKind.Integer: writer.WriteNumber(key, c.Integers[Index]!.Value); break;
            case ParquetKind.Float when double.IsFinite(c.Floats[Index]!.Value): writer.WriteNumber(key, c.Floats[Index]!.Value); break;
            case ParquetKind.Boolean: writer.WriteBoolean(key, c.Booleans[Index]!.Value); break;
            default: writer.WriteString(key, GetString(column)); break;
        }
    }

    /// <inheritdoc />
    public SourceLocation Locate(int column) => new(sourceName, Path: "row " + Number.ToString(CultureInfo.InvariantCulture));

    /// <inheritdoc />
    public string DeriveMessageId()
    {
        // A Parquet row has no bytes of its own: its cells' text, separated by U+001F, stands in.
        _content.Clear();
        for (var i = 0; i < columns.Length; i++)
        {
            _content.Append(GetString(i)).Append('\u001f');
        }

        return MessageIds.Derive(sourceName, Number, _content.ToString());
    }
}
