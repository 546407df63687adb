using Waymark.Core.Model;

namespace Waymark.Formats.Xes;

/// <summary>
/// One XES attribute's value, typed as Waymark stores it: a scalar, an object (an attribute with
/// nested attributes, or a container) or a list. <see cref="Raw"/> keeps the text of the
/// attribute's own <c>value</c> as written in the file, which classifiers and case ids use.
/// </summary>
internal readonly struct XesValue
{
    private XesValue(Shape shape, string? raw, string? text = null, long integer = 0, double number = 0,
        DateTime time = default, Properties? nested = null, string[]? items = null)
    {
        Kind = shape;
        Raw = raw;
        _text = text;
        _integer = integer;
        _number = number;
        _time = time;
        _nested = nested;
        _items = items;
    }

    private readonly string? _text;
    private readonly long _integer;
    private readonly double _number;
    private readonly DateTime _time;
    private readonly Properties? _nested;
    private readonly string[]? _items;

    /// <summary>What the value holds.</summary>
    public enum Shape : byte { String, Integer, Float, Boolean, Time, Object, List }

    /// <summary>What the value holds.</summary>
    public Shape Kind { get; }

    /// <summary>The <c>value</c> attribute as written, or null for a list or a container.</summary>
    public string? Raw { get; }

    /// <summary>The time of a <see cref="Shape.Time"/> value.</summary>
    public DateTime Time => _time;

    /// <summary>The text a classifier joins: the raw value, or the JSON of a list or a container.</summary>
    public string ClassifierText => Raw ?? ToJson();

    public static XesValue String(string raw) => new(Shape.String, raw, raw);

    public static XesValue Integer(string raw, long value) => new(Shape.Integer, raw, integer: value);

    public static XesValue Float(string raw, double value) => new(Shape.Float, raw, number: value);

    public static XesValue Boolean(string raw, bool value) => new(Shape.Boolean, raw, integer: value ? 1 : 0);

    // Formatted once: a trace's dates are copied into every event of the trace.
    public static XesValue Timestamp(string raw, DateTime value) => new(Shape.Time, raw, Timestamps.Format(value), time: value);

    public static XesValue Object(string? raw, Properties value) => new(Shape.Object, raw, nested: value);

    public static XesValue List(string[] jsonItems) => new(Shape.List, null, items: jsonItems);

    /// <summary>Adds the value to <paramref name="builder"/> under <paramref name="key"/>, keeping its type.</summary>
    public void AddTo(PropertiesBuilder builder, string key)
    {
        _ = Kind switch
        {
            Shape.String => builder.Add(key, _text),
            Shape.Integer => builder.Add(key, _integer),
            Shape.Float => builder.Add(key, _number),
            Shape.Boolean => builder.Add(key, _integer != 0),
            Shape.Time => builder.Add(key, _text),
            Shape.Object => builder.Add(key, _nested!),
            _ => builder.AddList(key, _items!),
        };
    }

    /// <summary>The value as JSON text, for an item of a list.</summary>
    public string ToJson() => Kind switch
    {
        Shape.String => PropertiesBuilder.ToJsonValue(_text),
        Shape.Integer => PropertiesBuilder.ToJsonValue(_integer),
        Shape.Float => PropertiesBuilder.ToJsonValue(_number),
        Shape.Boolean => PropertiesBuilder.ToJsonValue(_integer != 0),
        Shape.Time => PropertiesBuilder.ToJsonValue(_text),
        Shape.Object => _nested!.Json,
        _ => "[" + string.Join(',', _items!) + "]",
    };
}
