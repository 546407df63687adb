using System.Text.Json.Serialization;

namespace Waymark.Bench;

[JsonSerializable(typeof(Measurement))]
internal sealed partial class BenchJsonContext : JsonSerializerContext;
