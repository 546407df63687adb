using Waymark.Engine.Execution;
using Waymark.Engine.Filters;
using Waymark.Engine.Snapshot;

namespace Waymark.Engine.Kernels.Variants;

/// <summary>One subject as a variant candidate: the hash, place and duration of its name sequence.</summary>
internal struct VariantCandidate
{
    /// <summary>The two halves of the sequence's hash (<see cref="SequenceTable.Hash"/>).</summary>
    public ulong H1;

    /// <inheritdoc cref="H1"/>
    public ulong H2;

    /// <summary>Where the sequence starts in the partition's name column.</summary>
    public int Start;

    /// <summary>How many names the sequence has.</summary>
    public int Length;

    /// <summary>Last event time minus first, in the scope.</summary>
    public long Duration;
}

/// <summary>
/// One partition's subjects as variant candidates, grouped by hash shard (a counting sort) in the
/// partition's region of a slab all partitions share, so that each shard of the variant table
/// is merged from every partition on its own core, reading each partition's candidates of that
/// shard as one contiguous run.
/// </summary>
internal sealed class PartitionVariants
{
    private readonly VariantCandidate[] _candidates;

    private PartitionVariants(int count, VariantCandidate[] candidates, int[] variants, int[] shardStarts)
    {
        Count = count;
        _candidates = candidates;
        Variants = variants;
        ShardStarts = shardStarts;
    }

    /// <summary>Subjects with at least one event in the scope.</summary>
    public int Count { get; }

    /// <summary>Per shard, where its candidates start in the slab; one more entry for the end.</summary>
    public int[] ShardStarts { get; }

    /// <summary>Per candidate (same places as in the slab), its variant's entry in its shard's table, filled by the merge.</summary>
    public int[] Variants { get; }

    /// <summary>The shard of a hash: its top bits (the table's slots use the low bits).</summary>
    public static int ShardOf(ulong hash1, int shardBits) => (int)(hash1 >> (64 - shardBits));

    /// <summary>A candidate, by its place in the slab.</summary>
    public ref readonly VariantCandidate Candidate(int at) => ref _candidates[at];

    /// <summary>
    /// Hashes the partition's subjects into <paramref name="scratch"/> (subject order), then writes
    /// them by shard into <paramref name="slab"/> from <paramref name="regionStart"/> on (the
    /// region must hold one entry per subject of the partition).
    /// </summary>
    public static PartitionVariants Of(
        EventLogPartition partition, SubjectMask mask, TimeRange range, int shardBits, VariantCandidate[] scratch, VariantCandidate[] slab, int[] variants, int regionStart)
    {
        var names = partition.NameArray;
        var times = partition.TimeArray;
        var shardStarts = new int[(1 << shardBits) + 1];
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

            ref var candidate = ref scratch[counted++];
            (candidate.H1, candidate.H2) = SequenceTable.Hash(names.AsSpan(start, end - start));
            (candidate.Start, candidate.Length, candidate.Duration) = (start, end - start, times[end - 1] - times[start]);
            shardStarts[ShardOf(candidate.H1, shardBits) + 1]++;
        }

        shardStarts[0] = regionStart;
        for (var k = 1; k < shardStarts.Length; k++)
        {
            shardStarts[k] += shardStarts[k - 1];
        }

        var cursor = shardStarts[..^1];
        for (var i = 0; i < counted; i++)
        {
            slab[cursor[ShardOf(scratch[i].H1, shardBits)]++] = scratch[i];
        }

        return new PartitionVariants(counted, slab, variants, shardStarts);
    }

    /// <summary>Adds this partition's candidates of one shard to that shard's table, noting each one's entry.</summary>
    public void MergeShard(int shard, SequenceTable table, int source)
    {
        for (var j = ShardStarts[shard]; j < ShardStarts[shard + 1]; j++)
        {
            ref readonly var c = ref _candidates[j];
            Variants[j] = table.Add(c.H1, c.H2, source, c.Start, c.Length, 1);
        }
    }
}
