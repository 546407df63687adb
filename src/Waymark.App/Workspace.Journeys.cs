using Waymark.Core.Conditions;
using Waymark.Core.Journeys;
using Waymark.Engine.Filters;
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

        return latest == long.MinValue ? null : TimeRange.ToDateTime(latest);
    }

    /// <summary>
    /// Every instance of <paramref name="map"/> as it stands at <paramref name="at"/>, evaluated in
    /// batch over the events stored up to then (the current snapshot of the map's subject kind).
    /// </summary>
    /// <param name="map">The journey map.</param>
    /// <param name="at">The evaluation time (UTC).</param>
    /// <param name="version">The map's version in force, which the instances carry.</param>
    /// <param name="cohort">Only subjects whose traits match; null for every subject.</param>
    public IReadOnlyList<JourneyInstance> JourneyInstances(JourneyMap map, DateTime at, int version = 1, Cohort? cohort = null)
    {
        ArgumentNullException.ThrowIfNull(map);
        var kind = map.Subject == JourneySubject.Account ? SubjectKind.Account : SubjectKind.Person;
        var log = Snapshot(kind);
        var instances = JourneyBatch.Evaluate(log, CompiledJourney.Compile(map, version), at);
        if (cohort is null || cohort.IsEveryone)
        {
            return instances;
        }

        var mask = SubjectMask.Compile(log, cohort);
        return [.. instances.Where(i => log.Subjects.TryGetCode(i.Subject, out var code) && mask.Contains(code))];
    }
}
