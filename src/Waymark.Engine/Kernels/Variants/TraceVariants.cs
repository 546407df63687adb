using Waymark.Engine.Execution;
using Waymark.Engine.Filters;
using Waymark.Engine.Kernels.Statistics;
using Waymark.Engine.Snapshot;

namespace Waymark.Engine.Kernels.Variants;

/// <summary>
/// The trace variants kernel: each partition hashes its subjects' name sequences and groups them
/// by hash shard; each shard's <see cref="SequenceTable"/> is then built from every partition on
/// its own core (sequences stay in the snapshot, referenced, never copied); the top variants are
/// picked with a bounded heap, and only their subjects' durations are gathered for the exact medians.
/// </summary>
public static class TraceVariants
{
    // 64 shards: enough to keep both cores busy to the end, and each shard's table small.
    private const int ShardBits = 6;

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
        var parts = PartitionRunner.Run(log, (_, partition) => PartitionVariants.Of(partition, mask, query.Scope.Range, ShardBits));
        var tables = MergeShards(log, parts);
        long subjects = 0, distinct = 0;
        foreach (var part in parts)
        {
            subjects += part.Count;
        }

        foreach (var table in tables)
        {
            distinct += table.Count;
        }

        var top = TopVariants.Pick(log, tables, query.Top);
        var durations = Durations(tables, parts, top);
        var result = new Variant[top.Length];
        Span<double> median = stackalloc double[1];
        for (var i = 0; i < top.Length; i++)
        {
            var (table, entry) = (tables[top[i].Shard], top[i].Entry);
            var sequence = table.Sequence(entry);
            var names = new string[sequence.Length];
            for (var j = 0; j < names.Length; j++)
            {
                names[j] = log.Names[sequence[j]]!;
            }

            var count = table.Occurrences(entry);
            Quantiles.Of(durations[i], [0.5], median);
            result[i] = new Variant(names, count, (double)count / subjects, median[0]);
        }

        return new VariantSet(subjects, distinct, result);
    }

    // One table per shard, each merged from every partition's subjects of that shard on its own
    // core; a table is sized for all its subjects, so it never grows.
    private static SequenceTable[] MergeShards(EventLog log, PartitionVariants[] parts)
    {
        var partitions = log.PartitionArray;
        var sources = new int[partitions.Length][];
        for (var p = 0; p < partitions.Length; p++)
        {
            sources[p] = partitions[p].NameArray;
        }

        var tables = new SequenceTable[1 << ShardBits];
        var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
        Parallel.For(0, tables.Length, options, k =>
        {
            var capacity = 0;
            foreach (var part in parts)
            {
                capacity += part.ShardStarts[k + 1] - part.ShardStarts[k];
            }

            var table = new SequenceTable(sources, capacity);
            for (var p = 0; p < parts.Length; p++)
            {
                parts[p].MergeShard(k, table, p);
            }

            tables[k] = table;
        });
        return tables;
    }

    // Each top variant's subjects' durations, gathered from the partitions' per-subject records.
    private static long[][] Durations(SequenceTable[] tables, PartitionVariants[] parts, (int Shard, int Entry)[] top)
    {
        var rank = new int[tables.Length][];
        var durations = new long[top.Length][];
        var filled = new int[top.Length];
        for (var i = 0; i < top.Length; i++)
        {
            var (shard, entry) = top[i];
            if (rank[shard] is null)
            {
                rank[shard] = new int[tables[shard].Count];
                Array.Fill(rank[shard], -1);
            }

            rank[shard][entry] = i;
            durations[i] = new long[tables[shard].Occurrences(entry)];
        }

        foreach (var part in parts)
        {
            for (var s = 0; s < part.Count; s++)
            {
                var ranks = rank[PartitionVariants.ShardOf(part.Hash1[s], ShardBits)];
                var i = ranks is null ? -1 : ranks[part.Variant[s]];
                if (i >= 0)
                {
                    durations[i][filled[i]++] = part.Duration[s];
                }
            }
        }

        return durations;
    }
}
