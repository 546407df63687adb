using System.Runtime.CompilerServices;
using Waymark.Engine.Snapshot;

namespace Waymark.Engine.Kernels.Funnels;

/// <summary>
/// Per partition, per event name code, the local subjects (ascending) that have at least one event
/// of that name: what lets a funnel visit only the subjects its steps can involve. Built on first
/// use in one pass over the partition's names (4 bytes per distinct subject and name) and kept as
/// long as the partition lives; partitions are immutable and survive appends they are not touched by.
/// </summary>
internal sealed class SubjectsByName
{
    private static readonly ConditionalWeakTable<EventLogPartition, SubjectsByName> Cache = [];

    private readonly int[] _starts;
    private readonly int[] _subjects;

    private SubjectsByName(int[] starts, int[] subjects)
    {
        _starts = starts;
        _subjects = subjects;
    }

    /// <summary>The index of a partition, built once.</summary>
    public static SubjectsByName Of(EventLogPartition partition) => Cache.GetValue(partition, Build);

    /// <summary>The local subjects having an event named <paramref name="name"/>, ascending.</summary>
    public ReadOnlySpan<int> Subjects(int name) =>
        (uint)name < (uint)(_starts.Length - 1) ? _subjects.AsSpan(_starts[name], _starts[name + 1] - _starts[name]) : [];

    private static SubjectsByName Build(EventLogPartition partition)
    {
        var names = partition.NameArray;
        var offsets = partition.OffsetArray;
        var nameCount = 0;
        foreach (var name in names)
        {
            nameCount = Math.Max(nameCount, name + 1);
        }

        var last = new int[nameCount];
        Array.Fill(last, -1);
        var starts = new int[nameCount + 1];
        for (var s = 0; s < partition.SubjectCount; s++)
        {
            for (var i = offsets[s]; i < offsets[s + 1]; i++)
            {
                ref var seen = ref last[names[i]];
                if (seen != s)
                {
                    seen = s;
                    starts[names[i] + 1]++;
                }
            }
        }

        for (var n = 0; n < nameCount; n++)
        {
            starts[n + 1] += starts[n];
        }

        var subjects = new int[starts[nameCount]];
        var cursor = starts.AsSpan(0, nameCount).ToArray();
        Array.Fill(last, -1);
        for (var s = 0; s < partition.SubjectCount; s++)
        {
            for (var i = offsets[s]; i < offsets[s + 1]; i++)
            {
                ref var seen = ref last[names[i]];
                if (seen != s)
                {
                    seen = s;
                    subjects[cursor[names[i]]++] = s;
                }
            }
        }

        return new SubjectsByName(starts, subjects);
    }
}
