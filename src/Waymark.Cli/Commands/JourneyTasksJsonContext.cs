using System.Text.Json.Serialization;

namespace Waymark.Cli.Commands;

/// <summary>The JSON of <c>waymark journeys tasks</c>: snake_case, nulls left out.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TasksJson))]
internal sealed partial class JourneyTasksJsonContext : JsonSerializerContext;
