using Waymark.Engine.Execution;
using Waymark.Engine.Filters;
using Waymark.Engine.Snapshot;

namespace Waymark.Engine.Kernels.Paths;

/// <summary>
/// One worker thread's path counts, by distance from the anchor (0 = anchor): per distance and
/// name, the paths there; per distance d and pair (name at d, name at d + 1), the paths taking
/// that step. Dense arrays while names are few, a dictionary for the pairs beyond.
/// </summary>
internal sealed class PathWorker
{
    private const long DenseLinkCells = 1 << 22;

    private readonly PathPlan _plan;
    private readonly int[] _path;

    public PathWorker(PathPlan plan)
    {
        _plan = plan;
        _path = new int[plan.Depth];
        var n = plan.Names;
        Nodes = new long[plan.Depth * n];
        var cells = (long)(plan.Depth - 1) * n * n;
        if (cells <= DenseLinkCells)
        {
            DenseLinks = new long[cells];
        }
        else
        {
            SparseLinks = [];
        }
    }

    public long Paths { get; private set; }

    /// <summary>Per <c>distance * names + name</c>, the paths.</summary>
    public long[] Nodes { get; }

    /// <summary>Per <c>(distance * names + near) * names + far</c>, the paths; or null (see <see cref="SparseLinks"/>).</summary>
    public long[]? DenseLinks { get; }

    public Dictionary<long, long>? SparseLinks { get; }

    /// <summary>Per whole path, how many took it; empty unless the query lists top paths.</summary>
    public Dictionary<PathKey, long> Sequences { get; } = [];

    public void Run(int index, EventLogPartition partition)
    {
        var times = partition.TimeArray;
        var gap = _plan.Gap;
        for (var s = 0; s < partition.SubjectCount; s++)
        {
            if (!_plan.Mask.Contains(partition.FirstSubject + s))
            {
                continue;
            }

            var (start, end) = PartitionRunner.Window(partition, s, _plan.Range);
            while (start < end)
            {
                var sessionEnd = start + 1;
                while (sessionEnd < end && times[sessionEnd] - times[sessionEnd - 1] <= gap)
                {
                    sessionEnd++;
                }

                Session(index, partition, start, sessionEnd);
                start = sessionEnd;
            }
        }
    }

    private void Session(int index, EventLogPartition partition, int start, int end)
    {
        var names = partition.NameArray;
        var excluded = _plan.Excluded;
        var anchor = -1;
        for (var i = start; i < end; i++)
        {
            if (!excluded[names[i]] && (_plan.Anchor is null || _plan.Anchor.Matches(partition, index, i)))
            {
                anchor = i;
                break;
            }
        }

        if (anchor < 0)
        {
            return;
        }

        var path = _path;
        path[0] = names[anchor];
        var length = 1;
        var step = _plan.Backward ? -1 : 1;
        for (var i = anchor + step; i >= start && i < end && length < path.Length; i += step)
        {
            var name = names[i];
            if (excluded[name] || (_plan.Collapse && name == path[length - 1]))
            {
                continue;
            }

            path[length++] = name;
        }

        Count(path.AsSpan(0, length));
    }

    private void Count(ReadOnlySpan<int> path)
    {
        Paths++;
        if (_plan.TopPaths > 0)
        {
            System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(Sequences, new PathKey(path), out _)++;
        }

        var n = _plan.Names;
        Nodes[path[0]]++;
        for (var d = 1; d < path.Length; d++)
        {
            Nodes[(d * n) + path[d]]++;
            var cell = ((((long)(d - 1) * n) + path[d - 1]) * n) + path[d];
            if (DenseLinks is not null)
            {
                DenseLinks[cell]++;
            }
            else
            {
                System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(SparseLinks!, cell, out _)++;
            }
        }
    }
}

/// <summary>A <see cref="PathsQuery"/> compiled against a snapshot.</summary>
internal sealed record PathPlan(
    int Names, int Depth, SubjectMask Mask, TimeRange Range, EventMatcher? Anchor, bool Backward, bool Collapse, bool[] Excluded, long Gap, int TopPaths);
