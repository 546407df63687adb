using Waymark.Engine.Execution;
using Waymark.Engine.Filters;
using Waymark.Engine.Snapshot;

namespace Waymark.Engine.Kernels.Variants;

/// <summary>One partition's variants: its sequence table and, per counted subject, its variant and duration.</summary>
internal sealed class PartitionVariants
{
    private PartitionVariants(SequenceTable table, int subjects, int[] subjectVariant, long[] subjectDuration)
    {
        Table = table;
        Subjects = subjects;
        SubjectVariant = subjectVariant;
        SubjectDuration = subjectDuration;
    }

    public SequenceTable Table { get; }

    /// <summary>Subjects with at least one event in the scope; the first entries of the two arrays.</summary>
    public int Subjects { get; }

    /// <summary>Per counted subject, its entry in <see cref="Table"/>.</summary>
    public int[] SubjectVariant { get; }

    /// <summary>Per counted subject, last event time minus first, in the scope.</summary>
    public long[] SubjectDuration { get; }

    public static PartitionVariants Of(EventLogPartition partition, SubjectMask mask, TimeRange range)
    {
        var names = partition.NameArray;
        var times = partition.TimeArray;
        var table = new SequenceTable([names], Math.Max(16, partition.SubjectCount / 4));
        var variants = new int[partition.SubjectCount];
        var durations = new long[partition.SubjectCount];
        var counted = 0;
        for (var s = 0; s < partition.SubjectCount; s++)
        {
            if (!mask.Contains(partition.FirstSubject + s))
            {
                continue;
            }

            var (start, end) = PartitionRunner.Window(partition, s, range);
            if (start == end)
            {
                continue;
            }

            var (h1, h2) = SequenceTable.Hash(names.AsSpan(start, end - start));
            variants[counted] = table.Add(h1, h2, 0, start, end - start, 1);
            durations[counted++] = times[end - 1] - times[start];
        }

        return new PartitionVariants(table, counted, variants, durations);
    }

    /// <summary>Adds this partition's entries to <paramref name="global"/>; returns the global entry of each local one.</summary>
    public int[] MergeInto(SequenceTable global, int source)
    {
        var map = new int[Table.Count];
        for (var e = 0; e < Table.Count; e++)
        {
            map[e] = global.Add(Table.Hash1(e), Table.Hash2(e), source, Table.Start(e), Table.Length(e), Table.Occurrences(e));
        }

        return map;
    }
}
