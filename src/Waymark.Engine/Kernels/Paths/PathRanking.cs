using Waymark.Engine.Snapshot;

namespace Waymark.Engine.Kernels.Paths;

/// <summary>Merges the workers' whole-path counts and picks the most frequent paths (see <see cref="PathFlow.Top"/>).</summary>
internal static class PathRanking
{
    public static IReadOnlyList<PathSequence> Top(EventLog log, PathPlan plan, List<PathWorker> workers)
    {
        if (plan.TopPaths == 0)
        {
            return [];
        }

        var counts = new Dictionary<PathKey, long>();
        foreach (var worker in workers)
        {
            foreach (var (path, count) in worker.Sequences)
            {
                System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counts, path, out _) += count;
            }
        }

        var paths = new List<PathSequence>(counts.Count);
        foreach (var (path, count) in counts)
        {
            var names = new string[path.Length];
            for (var i = 0; i < names.Length; i++)
            {
                // Paths are collected from the anchor; end paths read backwards in time.
                names[plan.Backward ? names.Length - 1 - i : i] = log.Names[path[i]]!;
            }

            paths.Add(new PathSequence(names, count));
        }

        paths.Sort(Compare);
        return paths.Count > plan.TopPaths ? paths[..plan.TopPaths] : paths;
    }

    /// <summary>By count descending, then by the names ordinally, element by element, a prefix first.</summary>
    public static int Compare(PathSequence x, PathSequence y)
    {
        if (x.Count != y.Count)
        {
            return y.Count.CompareTo(x.Count);
        }

        for (var i = 0; i < Math.Min(x.Names.Count, y.Names.Count); i++)
        {
            var c = string.CompareOrdinal(x.Names[i], y.Names[i]);
            if (c != 0)
            {
                return c;
            }
        }

        return x.Names.Count.CompareTo(y.Names.Count);
    }
}
