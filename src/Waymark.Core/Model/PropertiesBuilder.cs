using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Waymark.Core.Model;

/// <summary>
/// Builds <see cref="Properties"/> with typed values. A key added twice keeps the last value,
/// so readers can apply defaults first and the record's own values after. Reusable after
/// <see cref="Build"/>.
/// </summary>
public sealed class PropertiesBuilder
{
    private readonly List<(string Key, Value Value)> _items = [];
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly ArrayBufferWriter<byte> _buffer = new(256);

    /// <summary>How many distinct keys have been added.</summary>
    public int Count => _items.Count;

    /// <summary>Adds a string value.</summary>
    public PropertiesBuilder Add(string key, string? value) => Set(key, value is null ? Value.Null : new Value(Kind.String, value));

    /// <summary>Adds an integer value.</summary>
    public PropertiesBuilder Add(string key, long value) => Set(key, new Value(Kind.Integer, null, value));

    /// <summary>Adds a floating-point value; NaN and infinities are stored as strings, which JSON cannot hold as numbers.</summary>
    public PropertiesBuilder Add(string key, double value) => double.IsFinite(value)
        ? Set(key, new Value(Kind.Float, null, 0, value))
        : Set(key, new Value(Kind.String, value.ToString(CultureInfo.InvariantCulture)));

    /// <summary>Adds a boolean value.</summary>
    public PropertiesBuilder Add(string key, bool value) => Set(key, new Value(Kind.Boolean, null, value ? 1 : 0));

    /// <summary>Adds a time, written as an ISO 8601 string in UTC with milliseconds.</summary>
    public PropertiesBuilder Add(string key, DateTime value) => Set(key, new Value(Kind.String, Timestamps.Format(value)));

    /// <summary>Adds a value copied from a JSON element (any kind, nested values included).</summary>
    public PropertiesBuilder Add(string key, JsonElement value) => Set(key, new Value(Kind.Json, value.GetRawText()));

    /// <summary>Adds nested properties (an object value).</summary>
    public PropertiesBuilder Add(string key, Properties value) => Set(key, new Value(Kind.Json, value.Json));

    /// <summary>Adds a list of values, each already built as JSON text by <see cref="ToJsonValue(object?)"/>.</summary>
    public PropertiesBuilder AddList(string key, IEnumerable<string> jsonValues)
    {
        var text = new StringBuilder("[");
        foreach (var item in jsonValues)
        {
            if (text.Length > 1)
            {
                text.Append(',');
            }

            text.Append(item);
        }

        return Set(key, new Value(Kind.Json, text.Append(']').ToString()));
    }

    /// <summary>Whether a key has been added.</summary>
    public bool Contains(string key) => _index.ContainsKey(key);

    /// <summary>Forgets everything added.</summary>
    public void Clear()
    {
        _items.Clear();
        _index.Clear();
    }

    /// <summary>Builds the properties and clears the builder for reuse.</summary>
    public Properties Build()
    {
        if (_items.Count == 0)
        {
            return Properties.Empty;
        }

        _buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions { SkipValidation = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            foreach (var (key, value) in _items)
            {
                writer.WritePropertyName(key);
                value.WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        Clear();
        return Properties.FromTrustedJson(Encoding.UTF8.GetString(_buffer.WrittenSpan));
    }

    /// <summary>The JSON text of a scalar value (string, integer, double, boolean, time or null).</summary>
    public static string ToJsonValue(object? value) => value switch
    {
        null => "null",
        string s => JsonSerializer.Serialize(s, CoreJsonContext.Default.String),
        bool b => b ? "true" : "false",
        long l => l.ToString(CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        double d when double.IsFinite(d) => d.ToString("R", CultureInfo.InvariantCulture),
        double d => JsonSerializer.Serialize(d.ToString(CultureInfo.InvariantCulture), CoreJsonContext.Default.String),
        DateTime t => JsonSerializer.Serialize(Timestamps.Format(t), CoreJsonContext.Default.String),
        Properties p => p.Json,
        _ => throw new ArgumentException($"unsupported property value type {value.GetType().Name}", nameof(value)),
    };

    private PropertiesBuilder Set(string key, Value value)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_index.TryGetValue(key, out var at))
        {
            _items[at] = (key, value);
        }
        else
        {
            _index.Add(key, _items.Count);
            _items.Add((key, value));
        }

        return this;
    }

    private enum Kind : byte { Null, String, Integer, Float, Boolean, Json }

    private readonly record struct Value(Kind Kind, string? Text, long Integer = 0, double Float = 0)
    {
        public static readonly Value Null = new(Kind.Null, null);

        public void WriteTo(Utf8JsonWriter writer)
        {
            switch (Kind)
            {
                case Kind.String: writer.WriteStringValue(Text); break;
                case Kind.Integer: writer.WriteNumberValue(Integer); break;
                case Kind.Float: writer.WriteNumberValue(Float); break;
                case Kind.Boolean: writer.WriteBooleanValue(Integer != 0); break;
                case Kind.Json: writer.WriteRawValue(Text!, skipInputValidation: true); break;
                default: writer.WriteNullValue(); break;
            }
        }
    }
}
