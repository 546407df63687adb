using System.Buffers;
using Waymark.Engine.Execution;
using Waymark.Engine.Filters;
using Waymark.Engine.Kernels.Statistics;
using Waymark.Engine.Snapshot;

namespace Waymark.Engine.Kernels.Variants;

/// <summary>
/// The trace variants kernel: each partition hashes its subjects' name sequences and groups them
/// by hash shard; each shard's <see cref="SequenceTable"/> is then built from every partition on
/// its own core (sequences stay in the snapshot, referenced, never copied); the top variants are
/// picked with a bounded heap, and only their subjects' durations are gathered for the exact
/// medians. The per-subject records and the tables live in four pooled slabs, rented once a query.
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
        var partitions = log.PartitionArray;
        var regionStart = new int[partitions.Length + 1];
        var widest = 0;
        for (var p = 0; p < partitions.Length; p++)
        {
            regionStart[p + 1] = regionStart[p] + partitions[p].SubjectCount;
            widest = Math.Max(widest, partitions[p].SubjectCount);
        }

        var candidates = ArrayPool<VariantCandidate>.Shared.Rent(Math.Max(1, regionStart[^1]));
        var variants = ArrayPool<int>.Shared.Rent(Math.Max(1, regionStart[^1]));
        try
        {
            var parts = new PartitionVariants[partitions.Length];
            var scratches = PartitionRunner.Fold(log, () => ArrayPool<VariantCandidate>.Shared.Rent(Math.Max(1, widest)), (p, partition, scratch) =>
                parts[p] = PartitionVariants.Of(partition, mask, query.Scope.Range, ShardBits, scratch, candidates, variants, regionStart[p]));
            foreach (var scratch in scratches)
            {
                ArrayPool<VariantCandidate>.Shared.Return(scratch);
            }

            return Tables(log, query, parts);
        }
        finally
        {
            ArrayPool<VariantCandidate>.Shared.Return(candidates);
            ArrayPool<int>.Shared.Return(variants);
        }
    }

    // One table per shard, each merged from every partition's subjects of that shard on its own
    // core; a table is sized for all its subjects, so it never grows.
    private static VariantSet Tables(EventLog log, VariantsQuery query, PartitionVariants[] parts)
    {
        var shards = 1 << ShardBits;
        var (entryFirst, slotFirst) = (new int[shards + 1], new int[shards + 1]);
        for (var k = 0; k < shards; k++)
        {
            var capacity = 0;
            foreach (var part in parts)
            {
                capacity += part.ShardStarts[k + 1] - part.ShardStarts[k];
            }

            entryFirst[k + 1] = entryFirst[k] + capacity;
            slotFirst[k + 1] = slotFirst[k] + SequenceTable.SlotsFor(capacity);
        }

        var entries = ArrayPool<SequenceEntry>.Shared.Rent(Math.Max(1, entryFirst[^1]));
        var slots = ArrayPool<int>.Shared.Rent(slotFirst[^1]);
        try
        {
            var partitions = log.PartitionArray;
            var sources = new int[partitions.Length][];
            for (var p = 0; p < partitions.Length; p++)
            {
                sources[p] = partitions[p].NameArray;
            }

            var tables = new SequenceTable[shards];
            var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
            Parallel.For(0, shards, options, k =>
            {
                var table = new SequenceTable(sources, entries, entryFirst[k], entryFirst[k + 1] - entryFirst[k], slots, slotFirst[k]);
                for (var p = 0; p < parts.Length; p++)
                {
                    parts[p].MergeShard(k, table, p);
                }

                tables[k] = table;
            });
            return Result(log, query, parts, tables);
        }
        finally
        {
            ArrayPool<SequenceEntry>.Shared.Return(entries);
            ArrayPool<int>.Shared.Return(slots);
        }
    }

    private static VariantSet Result(EventLog log, VariantsQuery query, PartitionVariants[] parts, SequenceTable[] tables)
    {
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

    // Each top variant's subjects' durations, gathered from the partitions' candidates of the
    // shards that hold a top variant (the others are skipped whole).
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
            for (var k = 0; k < tables.Length; k++)
            {
                if (rank[k] is not { } ranks)
                {
                    continue;
                }

                for (var j = part.ShardStarts[k]; j < part.ShardStarts[k + 1]; j++)
                {
                    var i = ranks[part.Variants[j]];
                    if (i >= 0)
                    {
                        durations[i][filled[i]++] = part.Candidate(j).Duration;
                    }
                }
            }
        }

        return durations;
    }
}
