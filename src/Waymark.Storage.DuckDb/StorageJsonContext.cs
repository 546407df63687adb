using System.Text.Json.Serialization;

namespace Waymark.Storage.DuckDb;

[JsonSerializable(typeof(IReadOnlyList<string>))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;
