using System.Text.Json.Serialization;

namespace Waymark.Formats.Tables;

[JsonSerializable(typeof(string[]))]
internal sealed partial class TableJsonContext : JsonSerializerContext;
