using Waymark.Engine.Snapshot;

namespace Waymark.Engine.Kernels.Paths;

/// <summary>Folds per-distance counts into a <see cref="PathFlow"/>: nodes kept per step, the rest into "other".</summary>
internal static class PathSankey
{
    public static PathFlow Build(EventLog log, PathPlan plan, int perStep, long paths, long[] nodeCounts, Dictionary<long, long> linkCounts)
    {
        var n = plan.Names;
        var nodeOf = new int[plan.Depth * n]; // per distance and name, its node index
        var nodes = new List<PathNode>();
        for (var k = 0; k < plan.Depth; k++)
        {
            var d = plan.Backward ? plan.Depth - 1 - k : k;
            AddStep(log, plan, perStep, nodeCounts.AsSpan(d * n, n), d, nodeOf.AsSpan(d * n, n), nodes);
        }

        var links = new Dictionary<(int, int), long>();
        foreach (var (cell, count) in linkCounts)
        {
            var far = (int)(cell % n);
            var near = (int)(cell / n % n);
            var d = (int)(cell / n / n);
            var nearNode = nodeOf[(d * n) + near];
            var farNode = nodeOf[((d + 1) * n) + far];
            var key = plan.Backward ? (farNode, nearNode) : (nearNode, farNode);
            System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(links, key, out _) += count;
        }

        var list = links.Select(l => new PathLink(l.Key.Item1, l.Key.Item2, l.Value)).ToList();
        list.Sort((x, y) =>
            nodes[x.Source].Step != nodes[y.Source].Step ? nodes[x.Source].Step.CompareTo(nodes[y.Source].Step)
            : x.Count != y.Count ? y.Count.CompareTo(x.Count)
            : x.Source != y.Source ? x.Source.CompareTo(y.Source)
            : x.Target.CompareTo(y.Target));
        return new PathFlow(paths, nodes, list);
    }

    private static void AddStep(EventLog log, PathPlan plan, int perStep, ReadOnlySpan<long> counts, int distance, Span<int> nodeOf, List<PathNode> nodes)
    {
        var step = plan.Backward ? -distance : distance;
        var present = new List<int>();
        for (var name = 0; name < counts.Length; name++)
        {
            if (counts[name] > 0)
            {
                present.Add(name);
            }
        }

        var array = counts.ToArray();
        present.Sort((x, y) => array[x] != array[y] ? array[y].CompareTo(array[x]) : string.CompareOrdinal(log.Names[x], log.Names[y]));
        long other = 0;
        var otherNode = present.Count > perStep ? nodes.Count + perStep : -1;
        for (var i = 0; i < present.Count; i++)
        {
            if (i < perStep)
            {
                nodeOf[present[i]] = nodes.Count;
                nodes.Add(new PathNode(step, log.Names[present[i]], array[present[i]]));
            }
            else
            {
                nodeOf[present[i]] = otherNode;
                other += array[present[i]];
            }
        }

        if (otherNode >= 0)
        {
            nodes.Add(new PathNode(step, null, other));
        }
    }
}
