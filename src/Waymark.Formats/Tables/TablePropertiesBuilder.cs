using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Waymark.Core.Errors;
using Waymark.Core.Model;
using Waymark.Formats.Text;

namespace Waymark.Formats.Tables;

/// <summary>
/// Builds an event's properties from a row: the <c>properties</c> column's JSON object first,
/// then every property column with a non-empty cell, which wins over a same-named key of the
/// JSON object. A row with only the JSON column keeps that JSON as written (minus whitespace).
/// </summary>
internal sealed class TablePropertiesBuilder : IDisposable
{
    private readonly TableColumns _columns;
    private readonly ObjectKeys _keys = new();
    private readonly ArrayBufferWriter<byte> _buffer = new(1024);
    private readonly Utf8JsonWriter _writer;
    private readonly List<int> _present = [];

    public TablePropertiesBuilder(TableColumns columns)
    {
        _columns = columns;
        _writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions { SkipValidation = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    public void Dispose() => _writer.Dispose();

    public bool TryBuild<TRow>(TRow row, out Properties properties, out RecordError? error)
        where TRow : ITableRow
    {
        if (!TryJsonColumn(row, _columns.Properties, out properties, out error))
        {
            return false;
        }

        _present.Clear();
        var keys = _columns.PropertyColumns;
        for (var i = 0; i < keys.Length; i++)
        {
            if (!row.IsEmpty(keys[i].Column))
            {
                _present.Add(i);
            }
        }

        if (_present.Count > 0)
        {
            properties = Merge(row, properties);
        }

        return true;
    }

    /// <summary>A JSON-object column (properties, traits); an empty cell or no column gives no properties.</summary>
    public bool TryJsonColumn<TRow>(TRow row, int column, out Properties properties, out RecordError? error)
        where TRow : ITableRow
    {
        properties = Properties.Empty;
        error = null;
        if (column < 0 || row.IsEmpty(column))
        {
            return true;
        }

        var utf8 = row.GetUtf8(column, out var text);
        if (!JsonText.TryCompactObject(utf8, _keys, out var json, out var problem, text))
        {
            error = new RecordError(row.Locate(column), $"a JSON object in column \"{_columns.NameOf(column)}\"", problem);
            return false;
        }

        properties = Properties.FromTrustedJson(json);
        return true;
    }

    private Properties Merge<TRow>(TRow row, Properties json)
        where TRow : ITableRow
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        _writer.WriteStartObject();
        if (!json.IsEmpty)
        {
            CopyMembers(json);
        }

        var keys = _columns.PropertyColumns;
        foreach (var i in _present)
        {
            row.WriteProperty(_writer, keys[i].Key, keys[i].Column);
        }

        _writer.WriteEndObject();
        _writer.Flush();
        return Properties.FromTrustedJson(Encoding.UTF8.GetString(_buffer.WrittenSpan));
    }

    // The JSON object's members whose keys no present column overrides, values copied raw.
    private void CopyMembers(Properties json)
    {
        var bytes = Encoding.UTF8.GetBytes(json.Json);
        var reader = new Utf8JsonReader(bytes);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.GetString()!;
            reader.Read();
            var start = (int)reader.TokenStartIndex;
            reader.Skip();
            if (!IsOverridden(key))
            {
                _writer.WritePropertyName(key);
                _writer.WriteRawValue(bytes.AsSpan(start, (int)reader.BytesConsumed - start), skipInputValidation: true);
            }
        }
    }

    private bool IsOverridden(string key)
    {
        foreach (var i in _present)
        {
            if (string.Equals(_columns.PropertyColumns[i].Key.Value, key, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
