using Waymark.Core.Journeys;
using Waymark.Journeys.Instances;
using Waymark.Storage.DuckDb;
using Waymark.Storage.DuckDb.Journeys;

namespace Waymark.App.Journeys;

/// <summary>
/// Records the contingency firings of evaluated journey instances in the store and runs their
/// actions there (tasks, tags, notifications, webhook outbox messages). Recording is idempotent:
/// a contingency fires once per instance (map, subject, instance number) and contingency, however
/// often the same instances are recorded, so evaluating again and recording again is always safe.
/// </summary>
public sealed class JourneyActions
{
    private readonly DuckDbEventStore _store;

    /// <summary>Actions recorded in <paramref name="store"/>.</summary>
    public JourneyActions(DuckDbEventStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
    }

    /// <summary>
    /// Records every firing of <paramref name="instances"/> not recorded before, with the actions its
    /// contingency has in the map of <paramref name="maps"/> with the instance's map id; returns how
    /// many firings were new. Committed before it returns. Throws <see cref="ArgumentException"/> when
    /// an instance's map is not in <paramref name="maps"/> or a firing names a contingency the map
    /// does not have (the instances were evaluated with another map).
    /// </summary>
    public int Record(IEnumerable<JourneyMap> maps, IEnumerable<JourneyInstance> instances)
    {
        ArgumentNullException.ThrowIfNull(maps);
        ArgumentNullException.ThrowIfNull(instances);
        var byId = maps.ToDictionary(m => m.Id, StringComparer.Ordinal);
        var records = new List<FiringRecord>();
        foreach (var instance in instances)
        {
            if (instance.Firings.Count == 0)
            {
                continue;
            }

            if (!byId.TryGetValue(instance.MapId, out var map))
            {
                throw new ArgumentException($"instance of journey '{instance.MapId}' given without its map", nameof(instances));
            }

            foreach (var firing in instance.Firings)
            {
                records.Add(new FiringRecord(map.Id, instance.MapVersion, map.Subject, instance.Subject, instance.Number, instance.Status,
                    firing.ContingencyId, firing.At, firing.Reason, ContingencyOf(map, firing.ContingencyId).Do));
            }
        }

        return _store.RecordFirings(records);
    }

    private static Contingency ContingencyOf(JourneyMap map, string id) =>
        map.Contingencies.FirstOrDefault(c => string.Equals(c.Id, id, StringComparison.Ordinal))
        ?? throw new ArgumentException($"journey '{map.Id}' has no contingency '{id}'; were the instances evaluated with another version of the map?", nameof(id));
}
