using Waymark.Engine.Properties;

namespace Waymark.Engine.Snapshot;

public sealed partial class EventLog
{
    /// <summary>
    /// Makes a snapshot of partitions built before (read back from a file of the caller's, say),
    /// as they are. Partitions must cover consecutive subject codes from 0, within
    /// <paramref name="subjects"/>; each partition's events must already be sorted by (time, row)
    /// within each subject, and every row must lie below <paramref name="sourceRows"/>: this is
    /// not checked event by event.
    /// </summary>
    public static EventLog FromPartitions(
        SubjectKind kind,
        CodeTable subjects,
        CodeTable names,
        IReadOnlyList<EventLogPartition> partitions,
        int sourceRows,
        IEventPropertySource? properties,
        ISubjectTraitSource? traits)
    {
        ArgumentNullException.ThrowIfNull(subjects);
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(partitions);
        var next = 0;
        foreach (var partition in partitions)
        {
            if (partition.FirstSubject != next)
            {
                throw new ArgumentException($"a partition starts at subject {partition.FirstSubject}, not {next}", nameof(partitions));
            }

            next += partition.SubjectCount;
        }

        if (next > subjects.Count || sourceRows < 0)
        {
            throw new ArgumentException($"the partitions cover {next} subject codes, the table {subjects.Count}", nameof(partitions));
        }

        return new EventLog(kind, subjects, names, [.. partitions], sourceRows, properties, traits, null);
    }
}
