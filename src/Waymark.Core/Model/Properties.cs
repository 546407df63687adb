using System.Text.Json;

namespace Waymark.Core.Model;

/// <summary>
/// Typed key–value properties of an event, or traits of a person or an account, held as one
/// compact JSON object. JSON keeps the types a source gives — string, number, boolean, null,
/// list and nested object; times are ISO 8601 strings in UTC. Keys are unique. Immutable.
/// </summary>
public sealed class Properties : IEquatable<Properties>
{
    /// <summary>No properties: <c>{}</c>.</summary>
    public static readonly Properties Empty = new("{}");

    private Properties(string json) => Json = json;

    /// <summary>The compact JSON object text.</summary>
    public string Json { get; }

    /// <summary>True when there are no properties.</summary>
    public bool IsEmpty => Json.Length == 2;

    /// <summary>
    /// Wraps JSON text that the caller has already checked is one JSON object with unique keys
    /// (a reader that validated it while parsing). Use <see cref="Parse"/> for unchecked text.
    /// </summary>
    public static Properties FromTrustedJson(string json) => json is "{}" or "" ? Empty : new Properties(json);

    /// <summary>Parses and checks JSON object text; throws <see cref="JsonException"/> when it is not an object.</summary>
    public static Properties Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException($"expected a JSON object, found {document.RootElement.ValueKind}");
        }

        var builder = new PropertiesBuilder();
        foreach (var property in document.RootElement.EnumerateObject())
        {
            builder.Add(property.Name, property.Value);
        }

        return builder.Build();
    }

    /// <summary>Parses the properties into a document for typed reading; the caller disposes it.</summary>
    public JsonDocument ToDocument() => JsonDocument.Parse(Json);

    /// <inheritdoc />
    public bool Equals(Properties? other) => other is not null && string.Equals(Json, other.Json, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Properties);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Json);

    /// <inheritdoc />
    public override string ToString() => Json;
}
