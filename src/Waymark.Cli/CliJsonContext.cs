using System.Text.Json.Serialization;
using Waymark.Cli.Commands;

namespace Waymark.Cli;

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StatsJson))]
[JsonSerializable(typeof(ImportJson))]
[JsonSerializable(typeof(SimulateJson))]
[JsonSerializable(typeof(ValidateJson))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
