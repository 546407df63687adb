using System.Text.Json.Serialization;

namespace Waymark.Journeys;

/// <summary>Source-generated JSON for what the journeys layer reads.</summary>
[JsonSerializable(typeof(string[]))]
internal sealed partial class JourneysJsonContext : JsonSerializerContext;
