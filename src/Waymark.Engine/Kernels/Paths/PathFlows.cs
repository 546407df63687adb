using Waymark.Engine.Execution;
using Waymark.Engine.Filters;
using Waymark.Engine.Snapshot;

namespace Waymark.Engine.Kernels.Paths;

/// <summary>
/// The paths kernel (see <see cref="PathsQuery"/>): each worker counts, per distance from the
/// anchor, names and name-to-name steps (no path is ever stored); the counts then fold into
/// the Sankey form with each step's names below the limit gathered into its "other" node.
/// </summary>
public static class PathFlows
{
    /// <summary>The most events a path can hold.</summary>
    public const int MaxDepth = 20;

    /// <summary>Computes the paths of <paramref name="query"/>.</summary>
    public static PathFlow Run(EventLog log, PathsQuery query)
    {
        ArgumentNullException.ThrowIfNull(log);
        var plan = Compile(log, query);
        var workers = PartitionRunner.Fold(log, () => new PathWorker(plan), (index, partition, worker) => worker.Run(index, partition));
        var n = plan.Names;
        var nodes = new long[plan.Depth * n];
        var links = new Dictionary<long, long>();
        long paths = 0;
        foreach (var worker in workers)
        {
            paths += worker.Paths;
            for (var i = 0; i < nodes.Length; i++)
            {
                nodes[i] += worker.Nodes[i];
            }

            if (worker.DenseLinks is { } dense)
            {
                for (var cell = 0; cell < dense.Length; cell++)
                {
                    if (dense[cell] != 0)
                    {
                        System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(links, cell, out _) += dense[cell];
                    }
                }
            }
            else
            {
                foreach (var (cell, count) in worker.SparseLinks!)
                {
                    System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(links, cell, out _) += count;
                }
            }
        }

        return PathSankey.Build(log, plan, query.NodesPerStep, paths, nodes, links) with { Top = PathRanking.Top(log, plan, workers) };
    }

    private static PathPlan Compile(EventLog log, PathsQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(query.Scope, nameof(query.Scope));
        ArgumentNullException.ThrowIfNull(query.Excluded, nameof(query.Excluded));
        if (query.Start is not null && query.End is not null)
        {
            throw new ArgumentException("give Start or End, not both", nameof(query));
        }

        if (query.Depth is < 2 or > MaxDepth)
        {
            throw new ArgumentException($"Depth must be from 2 to {MaxDepth}; got {query.Depth}", nameof(query));
        }

        if (query.NodesPerStep is < 1 or > 1000)
        {
            throw new ArgumentException($"NodesPerStep must be from 1 to 1000; got {query.NodesPerStep}", nameof(query));
        }

        if (query.TopPaths is < 0 or > 1000)
        {
            throw new ArgumentException($"TopPaths must be from 0 to 1000; got {query.TopPaths}", nameof(query));
        }

        if (query.SessionGap is { } gap && gap <= TimeSpan.Zero)
        {
            throw new ArgumentException($"SessionGap must be positive (or null for no sessions); got {gap}", nameof(query));
        }

        var anchor = query.Start ?? query.End;
        if (anchor?.Event is { } name && query.Excluded.Contains(name))
        {
            throw new ArgumentException($"the anchor event '{name}' cannot also be excluded", nameof(query));
        }

        var excluded = new bool[log.Names.Count];
        foreach (var excludedName in query.Excluded)
        {
            if (log.Names.TryGetCode(excludedName, out var code))
            {
                excluded[code] = true;
            }
        }

        return new PathPlan(
            log.Names.Count,
            query.Depth,
            SubjectMask.Compile(log, query.Scope.Cohort),
            query.Scope.Range,
            anchor is null ? null : EventMatcher.Compile(log, anchor),
            query.End is not null,
            query.CollapseRepeats,
            excluded,
            query.SessionGap is { } g ? (long)g.TotalMilliseconds : long.MaxValue,
            query.TopPaths);
    }
}
