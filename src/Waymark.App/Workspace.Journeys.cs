using Waymark.Core.Journeys;
using Waymark.Engine.Snapshot;
using Waymark.Journeys.Batch;
using Waymark.Journeys.Compilation;
using Waymark.Journeys.Instances;

namespace Waymark.App;

public sealed partial class Workspace
{
    /// <summary>The current time, from the workspace's clock.</summary>
    public DateTime Now => _time.GetUtcNow().UtcDateTime;

    /// <summary>The time of the newest event in the snapshot of <paramref name="kind"/> subjects, or null when it has none.</summary>
    public DateTime? LatestEventTime(SubjectKind kind)
    {
        var latest = long.MinValue;
        foreach (var partition in Snapshot(kind).Partitions)
        {
            var offsets = partition.Offsets;
            for (var s = 0; s < partition.SubjectCount; s++)
            {
                if (offsets[s + 1] > offsets[s])
                {
                    latest = Math.Max(latest, partition.Times[offsets[s + 1] - 1]);
                }
            }
        }

        return latest == long.MinValue ? null : DateTime.UnixEpoch.AddMilliseconds(latest);
    }

    /// <summary>
    /// Every instance of <paramref name="map"/> as it stands at <paramref name="at"/>, evaluated in
    /// batch over the events stored up to then (the current snapshot of the map's subject kind).
    /// </summary>
    public IReadOnlyList<JourneyInstance> JourneyInstances(JourneyMap map, DateTime at, int version = 1)
    {
        ArgumentNullException.ThrowIfNull(map);
        var kind = map.Subject == JourneySubject.Account ? SubjectKind.Account : SubjectKind.Person;
        return JourneyBatch.Evaluate(Snapshot(kind), CompiledJourney.Compile(map, version), at);
    }
}
