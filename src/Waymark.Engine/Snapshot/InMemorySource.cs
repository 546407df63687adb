using System.Text.Json;
using Waymark.Engine.Properties;

namespace Waymark.Engine.Snapshot;

/// <summary>
/// Properties and traits kept by <see cref="EventLog.Builder.AddEvent"/> for snapshots built
/// from text rather than a store. Rows live in fixed chunks that are only ever appended to, so a
/// snapshot keeps reading its own rows while a later builder adds more after them.
/// </summary>
internal sealed class InMemorySource : IEventPropertySource, ISubjectTraitSource
{
    private const int ChunkBits = 16;
    private readonly List<string?[]> _chunks = [];
    private readonly Lock _gate = new();
    private readonly Dictionary<int, string> _traits = [];
    private readonly Dictionary<int, string> _actorRoles = [];

    public void SetProperties(int row, string? json)
    {
        var chunk = row >> ChunkBits;
        lock (_gate)
        {
            while (_chunks.Count <= chunk)
            {
                _chunks.Add(new string?[1 << ChunkBits]);
            }

            _chunks[chunk][row & ((1 << ChunkBits) - 1)] = json;
        }
    }

    public void SetActorRoles(int row, string json)
    {
        lock (_gate)
        {
            _actorRoles[row] = json;
        }
    }

    public void SetTraits(int subject, string json)
    {
        lock (_gate)
        {
            _traits[subject] = json;
        }
    }

    public void ReadProperty(string key, int fromRow, int toRow, Action<int, string> sink)
    {
        if (key == EventLog.ActorRolesKey)
        {
            ReadActorRoles(fromRow, toRow, sink);
            return;
        }

        string?[][] chunks;
        lock (_gate)
        {
            chunks = [.. _chunks];
        }

        for (var row = fromRow; row < toRow; row++)
        {
            var chunk = row >> ChunkBits;
            if (chunk < chunks.Length && chunks[chunk][row & ((1 << ChunkBits) - 1)] is { } json && TryGet(json, key, out var value))
            {
                sink(row, value);
            }
        }
    }

    public void ReadTrait(string key, Action<int, string> sink)
    {
        KeyValuePair<int, string>[] traits;
        lock (_gate)
        {
            traits = [.. _traits];
        }

        foreach (var (subject, json) in traits)
        {
            if (TryGet(json, key, out var value))
            {
                sink(subject, value);
            }
        }
    }

    private void ReadActorRoles(int fromRow, int toRow, Action<int, string> sink)
    {
        KeyValuePair<int, string>[] roles;
        lock (_gate)
        {
            roles = [.. _actorRoles];
        }

        foreach (var (row, json) in roles)
        {
            if (row >= fromRow && row < toRow)
            {
                sink(row, json);
            }
        }
    }

    /// <summary>The JSON text of a top-level member of a JSON object.</summary>
    internal static bool TryGet(string objectJson, string key, out string valueJson)
    {
        using var document = JsonDocument.Parse(objectJson);
        if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty(key, out var value))
        {
            valueJson = value.GetRawText();
            return true;
        }

        valueJson = string.Empty;
        return false;
    }
}
