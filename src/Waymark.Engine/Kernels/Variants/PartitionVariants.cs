using Waymark.Engine.Execution;
using Waymark.Engine.Filters;
using Waymark.Engine.Snapshot;

namespace Waymark.Engine.Kernels.Variants;

/// <summary>
/// One partition's subjects as variant candidates: per counted subject, the hash, place and
/// duration of its name sequence, and the subjects grouped by hash shard (a counting sort), so
/// that each shard of the variant table can be merged from every partition on its own core.
/// </summary>
internal sealed class PartitionVariants
{
    private PartitionVariants(int count, ulong[] hash1, ulong[] hash2, int[] start, int[] length, long[] duration, int[] shardStarts, int[] byShard)
    {
        Count = count;
        Hash1 = hash1;
        Hash2 = hash2;
        Start = start;
        Length = length;
        Duration = duration;
        ShardStarts = shardStarts;
        ByShard = byShard;
        Variant = new int[count];
    }

    /// <summary>Subjects with at least one event in the scope: the first entries of each array.</summary>
    public int Count { get; }

    /// <summary>Per counted subject, the two halves of its sequence's hash (<see cref="SequenceTable.Hash"/>).</summary>
    public ulong[] Hash1 { get; }

    /// <inheritdoc cref="Hash1"/>
    public ulong[] Hash2 { get; }

    /// <summary>Per counted subject, where its sequence starts in the partition's name column.</summary>
    public int[] Start { get; }

    /// <summary>Per counted subject, how many names its sequence has.</summary>
    public int[] Length { get; }

    /// <summary>Per counted subject, last event time minus first, in the scope.</summary>
    public long[] Duration { get; }

    /// <summary>Per shard, where its subjects start in <see cref="ByShard"/>; one more entry for the end.</summary>
    public int[] ShardStarts { get; }

    /// <summary>The counted subjects (indexes into the arrays above), grouped by shard.</summary>
    public int[] ByShard { get; }

    /// <summary>Per counted subject, its variant's global number, filled by the merge.</summary>
    public int[] Variant { get; }

    /// <summary>The shard of a hash: its top bits (the table's slots use the low bits).</summary>
    public static int ShardOf(ulong hash1, int shardBits) => (int)(hash1 >> (64 - shardBits));

    public static PartitionVariants Of(EventLogPartition partition, SubjectMask mask, TimeRange range, int shardBits)
    {
        var names = partition.NameArray;
        var times = partition.TimeArray;
        var capacity = partition.SubjectCount;
        var (hash1, hash2) = (new ulong[capacity], new ulong[capacity]);
        var (starts, lengths, durations) = (new int[capacity], new int[capacity], new long[capacity]);
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

            var (h1, h2) = SequenceTable.Hash(names.AsSpan(start, end - start));
            (hash1[counted], hash2[counted], starts[counted], lengths[counted]) = (h1, h2, start, end - start);
            durations[counted++] = times[end - 1] - times[start];
            shardStarts[ShardOf(h1, shardBits) + 1]++;
        }

        for (var k = 1; k < shardStarts.Length; k++)
        {
            shardStarts[k] += shardStarts[k - 1];
        }

        var byShard = new int[counted];
        var cursor = shardStarts[..^1];
        for (var i = 0; i < counted; i++)
        {
            byShard[cursor[ShardOf(hash1[i], shardBits)]++] = i;
        }

        return new PartitionVariants(counted, hash1, hash2, starts, lengths, durations, shardStarts, byShard);
    }

    /// <summary>Adds this partition's subjects of one shard to that shard's table, noting each one's entry.</summary>
    public void MergeShard(int shard, SequenceTable table, int source)
    {
        for (var j = ShardStarts[shard]; j < ShardStarts[shard + 1]; j++)
        {
            var i = ByShard[j];
            Variant[i] = table.Add(Hash1[i], Hash2[i], source, Start[i], Length[i], 1);
        }
    }
}
