using System.Text.Json.Serialization;

namespace Waymark.Engine.Properties;

/// <summary>Source-generated JSON for the engine's few needs (decoding string values).</summary>
[JsonSerializable(typeof(string))]
internal sealed partial class EngineJsonContext : JsonSerializerContext;
