namespace Waymark.Engine.Properties;

/// <summary>The JSON type of a property value.</summary>
public enum PropertyValueKind : byte
{
    /// <summary>A JSON string.</summary>
    String,

    /// <summary>A JSON number.</summary>
    Number,

    /// <summary>JSON true or false.</summary>
    Boolean,

    /// <summary>JSON null.</summary>
    Null,

    /// <summary>A JSON array or object, kept as its text.</summary>
    Composite,
}
