using Waymark.Engine.Snapshot;

namespace Waymark.Engine.Tests;

/// <summary>Throwaway values and small snapshot builders for engine tests.</summary>
internal static class Some
{
    /// <summary>Midnight UTC, 2026-01-01, in milliseconds: the epoch of test timelines.</summary>
    public static readonly long Day0 = TimeRange.ToMilliseconds(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));

    public const long Minute = 60_000;
    public const long Hour = 3_600_000;
    public const long Day = 86_400_000;

    /// <summary>A snapshot of person subjects from (subject, minutes after <see cref="Day0"/>, name) triples.</summary>
    public static EventLog Log(params (string Subject, long Minutes, string Name)[] events)
    {
        var builder = new EventLog.Builder(SubjectKind.Person);
        foreach (var (subject, minutes, name) in events)
        {
            builder.AddEvent(subject, Day0 + (minutes * Minute), name);
        }

        return builder.Build();
    }

    /// <summary>Every event of a snapshot in order: subject id, time, name, source row.</summary>
    public static List<(string Subject, long Time, string Name, int Row)> Flatten(EventLog log)
    {
        var list = new List<(string, long, string, int)>();
        foreach (var partition in log.Partitions)
        {
            for (var s = 0; s < partition.SubjectCount; s++)
            {
                for (var i = partition.Offsets[s]; i < partition.Offsets[s + 1]; i++)
                {
                    list.Add((log.Subjects[partition.FirstSubject + s]!, partition.Times[i], log.Names[partition.Names[i]]!, partition.Rows[i]));
                }
            }
        }

        return list;
    }
}
