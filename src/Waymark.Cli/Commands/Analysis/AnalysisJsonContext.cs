using System.Text.Json.Serialization;
using Waymark.Engine.Kernels.Durations;
using Waymark.Engine.Kernels.Frequency;
using Waymark.Engine.Kernels.Funnels;
using Waymark.Engine.Kernels.Paths;
using Waymark.Engine.Kernels.Retention;
using Waymark.Engine.Kernels.Sequences;
using Waymark.Engine.Kernels.Variants;

namespace Waymark.Cli.Commands.Analysis;

/// <summary>
/// The JSON of the analysis commands: the engine's result records as they are (snake_case, enums
/// as text, times in ISO 8601 UTC), inside an envelope that says what was asked. A contract for scripts.
/// </summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AnalysisJson<RetentionResult>))]
[JsonSerializable(typeof(AnalysisJson<FrequencyJson>))]
[JsonSerializable(typeof(AnalysisJson<SequenceResult>))]
[JsonSerializable(typeof(AnalysisJson<FunnelResult>))]
[JsonSerializable(typeof(AnalysisJson<PathGraph>))]
[JsonSerializable(typeof(AnalysisJson<PathFlow>))]
[JsonSerializable(typeof(AnalysisJson<VariantSet>))]
[JsonSerializable(typeof(AnalysisJson<DurationResult>))]
[JsonSerializable(typeof(AnalysisJson<MilestoneDurations>))]
internal sealed partial class AnalysisJsonContext : JsonSerializerContext;

/// <summary>What was asked (database, subjects, cohort, time range, the query in words) and the answer.</summary>
internal sealed record AnalysisJson<T>(string Database, string By, string Cohort, string? From, string? To, string Query, T Result);

/// <summary><c>waymark frequency --json</c>: events per period and the time between repeats.</summary>
internal sealed record FrequencyJson(FrequencyResult PerPeriod, RepeatResult Repeats);
