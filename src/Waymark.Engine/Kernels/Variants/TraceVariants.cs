using Waymark.Engine.Execution;
using Waymark.Engine.Filters;
using Waymark.Engine.Kernels.Statistics;
using Waymark.Engine.Snapshot;

namespace Waymark.Engine.Kernels.Variants;

/// <summary>
/// The trace variants kernel: each partition hashes its subjects' name sequences into its own
/// <see cref="SequenceTable"/> (sequences stay in the snapshot, referenced, never copied); the
/// partitions' tables merge into one, the top variants are picked with a bounded heap, and only
/// their subjects' durations are gathered for the exact medians.
/// </summary>
public static class TraceVariants
{
    /// <summary>Computes the variants of <paramref name="query"/>'s scope.</summary>
    public static VariantSet Run(EventLog log, VariantsQuery query)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(query.Scope, nameof(query.Scope));
        if (query.Top < 1)
        {
            throw new ArgumentException($"Top must be at least 1 (int.MaxValue for every variant); got {query.Top}", nameof(query));
        }

        var mask = SubjectMask.Compile(log, query.Scope.Cohort);
        var parts = PartitionRunner.Run(log, (_, partition) => PartitionVariants.Of(partition, mask, query.Scope.Range));
        var partitions = log.PartitionArray;
        var sources = new int[partitions.Length][];
        var capacity = 0;
        long subjects = 0;
        for (var p = 0; p < partitions.Length; p++)
        {
            sources[p] = partitions[p].NameArray;
            capacity = Math.Max(capacity, parts[p].Table.Count);
            subjects += parts[p].Subjects;
        }

        var global = new SequenceTable(sources, capacity * 2);
        var toGlobal = new int[parts.Length][];
        for (var p = 0; p < parts.Length; p++)
        {
            toGlobal[p] = parts[p].MergeInto(global, p);
        }

        var top = TopVariants.Pick(log, global, query.Top);
        var durations = Durations(global, parts, toGlobal, top);
        var result = new Variant[top.Length];
        Span<double> median = stackalloc double[1];
        for (var i = 0; i < top.Length; i++)
        {
            var sequence = global.Sequence(top[i]);
            var names = new string[sequence.Length];
            for (var j = 0; j < names.Length; j++)
            {
                names[j] = log.Names[sequence[j]]!;
            }

            var count = global.Occurrences(top[i]);
            Quantiles.Of(durations[i], [0.5], median);
            result[i] = new Variant(names, count, (double)count / subjects, median[0]);
        }

        return new VariantSet(subjects, global.Count, result);
    }

    // Each top variant's subjects' durations, gathered from the partitions' per-subject records.
    private static long[][] Durations(SequenceTable global, PartitionVariants[] parts, int[][] toGlobal, int[] top)
    {
        var rank = new int[global.Count];
        Array.Fill(rank, -1);
        var durations = new long[top.Length][];
        var filled = new int[top.Length];
        for (var i = 0; i < top.Length; i++)
        {
            rank[top[i]] = i;
            durations[i] = new long[global.Occurrences(top[i])];
        }

        for (var p = 0; p < parts.Length; p++)
        {
            var variants = parts[p].SubjectVariant;
            var spans = parts[p].SubjectDuration;
            for (var s = 0; s < parts[p].Subjects; s++)
            {
                var i = rank[toGlobal[p][variants[s]]];
                if (i >= 0)
                {
                    durations[i][filled[i]++] = spans[s];
                }
            }
        }

        return durations;
    }
}
