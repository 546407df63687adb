using System.Globalization;
using System.Text.Json;

namespace Waymark.Engine.Properties;

/// <summary>
/// The distinct values of one property (or trait) across a snapshot, each with a code from 1 up;
/// code 0 means "absent". Values are kept as their JSON text with the text a person reads
/// (<see cref="Text"/>: a string without quotes, a number as written) and, for numbers, the number.
/// </summary>
public sealed class PropertyValues
{
    private readonly List<string> _json = [string.Empty];
    private readonly List<string> _text = [string.Empty];
    private readonly List<PropertyValueKind> _kinds = [PropertyValueKind.Null];
    private readonly List<double> _numbers = [double.NaN];
    private readonly Dictionary<string, int> _codes = new(StringComparer.Ordinal);

    /// <summary>How many codes there are, the absent code 0 included.</summary>
    public int Count => _json.Count;

    /// <summary>The JSON text of a code (empty for 0).</summary>
    public string Json(int code) => _json[code];

    /// <summary>The value as a person reads it: strings without quotes, other values as JSON.</summary>
    public string Text(int code) => _text[code];

    /// <summary>The JSON type of a code's value.</summary>
    public PropertyValueKind Kind(int code) => _kinds[code];

    /// <summary>The number of a code whose kind is <see cref="PropertyValueKind.Number"/>, else NaN.</summary>
    public double Number(int code) => _numbers[code];

    /// <summary>The code of a JSON value, adding it when new.</summary>
    internal int Intern(string json)
    {
        if (_codes.TryGetValue(json, out var code))
        {
            return code;
        }

        code = _json.Count;
        var (kind, text, number) = Describe(json);
        _json.Add(json);
        _text.Add(text);
        _kinds.Add(kind);
        _numbers.Add(number);
        _codes.Add(json, code);
        return code;
    }

    private static (PropertyValueKind Kind, string Text, double Number) Describe(string json)
    {
        var trimmed = json.AsSpan().Trim();
        if (trimmed.Length == 0)
        {
            return (PropertyValueKind.Composite, json, double.NaN);
        }

        switch (trimmed[0])
        {
            case '"':
                return (PropertyValueKind.String, JsonSerializer.Deserialize(json, EngineJsonContext.Default.String) ?? string.Empty, double.NaN);
            case 't' or 'f':
                return (PropertyValueKind.Boolean, trimmed.ToString(), double.NaN);
            case 'n':
                return (PropertyValueKind.Null, "null", double.NaN);
            case '[' or '{':
                return (PropertyValueKind.Composite, json, double.NaN);
            default:
                var number = double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : double.NaN;
                return (PropertyValueKind.Number, trimmed.ToString(), number);
        }
    }
}
