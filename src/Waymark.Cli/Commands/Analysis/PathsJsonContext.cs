using System.Text.Json.Serialization;
using Waymark.Engine.Kernels.Durations;
using Waymark.Engine.Kernels.Paths;
using Waymark.Engine.Kernels.Variants;

namespace Waymark.Cli.Commands.Analysis;

/// <summary>
/// The JSON of <c>paths</c>, <c>variants</c> and <c>durations</c>, in the same shape as
/// <see cref="AnalysisJsonContext"/>. A context of its own because the duration statistics' histogram
/// bin and the funnel's share a type name, which one generated context cannot hold.
/// </summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AnalysisJson<PathGraph>))]
[JsonSerializable(typeof(AnalysisJson<PathFlow>))]
[JsonSerializable(typeof(AnalysisJson<VariantSet>))]
[JsonSerializable(typeof(AnalysisJson<DurationResult>))]
[JsonSerializable(typeof(AnalysisJson<MilestoneDurations>))]
internal sealed partial class PathsJsonContext : JsonSerializerContext;
