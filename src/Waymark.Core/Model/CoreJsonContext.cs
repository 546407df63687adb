using System.Text.Json.Serialization;

namespace Waymark.Core.Model;

[JsonSerializable(typeof(string))]
internal sealed partial class CoreJsonContext : JsonSerializerContext;
