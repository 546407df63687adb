using Waymark.Core.Conditions;
using Waymark.Engine.Execution;
using Waymark.Engine.Kernels.Paths;
using Waymark.Engine.Snapshot;
using Waymark.Twins;
using Waymark.Twins.DuckDb;

namespace Waymark.Engine.Tests.Kernels.Paths;

/// <summary>Sankey paths' behaviour, run against every implementation.</summary>
public abstract class PathFlowsTests
{
    protected abstract PathFlow Run(TwinEvents events, PathsQuery query);

    // a: X S A A B; b: S B A; c: S A C; d: X A (no S).
    private static TwinEvents Four() => Trace.Of(
        ("a", 0, "X"), ("a", 1, "S"), ("a", 2, "A"), ("a", 3, "A"), ("a", 4, "B"),
        ("b", 0, "S"), ("b", 1, "B"), ("b", 2, "A"),
        ("c", 0, "S"), ("c", 1, "A"), ("c", 2, "C"),
        ("d", 0, "X"), ("d", 1, "A"));

    internal static string[] Top(PathFlow flow) => [.. flow.Top.Select(p => $"{string.Join(" ", p.Names)}={p.Count}")];

    [Fact]
    public void TopPaths_WholePathsByCountThenNames()
    {
        var flow = Run(Four(), new PathsQuery(QueryScope.Everything) { Start = EventCondition.Named("S"), Depth = 3, TopPaths = 2 });

        // a S A A, b S B A, c S A C: one each; by names, S A A before S A C before S B A.
        Assert.Equal(["S A A=1", "S A C=1"], Top(flow));
    }

    [Fact]
    public void TopPaths_ToEnd_ReadInTimeOrder()
    {
        var flow = Run(Four(), new PathsQuery(QueryScope.Everything) { End = EventCondition.Named("A"), Depth = 2 });

        // Two events ending at the first A: a S A, b B A, c S A, d X A.
        Assert.Equal(["S A=2", "B A=1", "X A=1"], Top(flow));
    }

    private static string[] Nodes(PathFlow flow) => [.. flow.Nodes.Select(n => $"{n.Id}={n.Count}")];

    private static string[] Links(PathFlow flow) => [.. flow.Links.Select(l => $"{flow.Nodes[l.Source].Id}>{flow.Nodes[l.Target].Id}={l.Count}")];

    [Fact]
    public void FromStart_CountsNodesAndLinksPerStep()
    {
        var flow = Run(Four(), new PathsQuery(QueryScope.Everything) { Start = EventCondition.Named("S"), Depth = 3 });

        // Paths from S, 3 events: a S A A, b S B A, c S A C; d has no S.
        Assert.Equal(3, flow.Paths);
        Assert.Equal(["0:S=3", "1:A=2", "1:B=1", "2:A=2", "2:C=1"], Nodes(flow));
        Assert.Equal(["0:S>1:A=2", "0:S>1:B=1", "1:A>2:A=1", "1:A>2:C=1", "1:B>2:A=1"], Links(flow));
    }

    [Fact]
    public void CollapseRepeats_ReadsAAasA()
    {
        var flow = Run(Four(), new PathsQuery(QueryScope.Everything) { Start = EventCondition.Named("S"), Depth = 3, CollapseRepeats = true });

        // a becomes S A B.
        Assert.Equal(["0:S=3", "1:A=2", "1:B=1", "2:A=1", "2:B=1", "2:C=1"], Nodes(flow));
    }

    [Fact]
    public void ToEnd_WalksBackFromTheFirstEnd()
    {
        var flow = Run(Four(), new PathsQuery(QueryScope.Everything) { End = EventCondition.Named("A"), Depth = 3 });

        // First A: a's A@2 (X S A), b's A@2 (S B A), c's A@1 (S A), d's A@1 (X A).
        // Nodes of a step by count, then name: at -1, S (a, c) before B (b) and X (d).
        Assert.Equal(4, flow.Paths);
        Assert.Equal(["-2:S=1", "-2:X=1", "-1:S=2", "-1:B=1", "-1:X=1", "0:A=4"], Nodes(flow).OrderBy(n => int.Parse(n.Split(':')[0])).ToArray());
        Assert.Contains("-1:X>0:A=1", Links(flow));
        Assert.Contains("-2:X>-1:S=1", Links(flow));
        Assert.Contains("-1:S>0:A=2", Links(flow));
    }

    [Fact]
    public void ExcludedAndOther_DropEventsAndFoldSmallNames()
    {
        // Without S (excluded), from each subject's first event: a X A A B, b B A, c A C, d X A (depth 2).
        var flow = Run(Four(), new PathsQuery(QueryScope.Everything) { Excluded = ["S"], Depth = 2, NodesPerStep = 1 });

        // Step 0: X 2, A 1, B 1 -> X kept, other 2. Step 1: A 3 (a, b, d), C 1 -> A kept, other 1.
        Assert.Equal(["0:X=2", "0:(other)=2", "1:A=3", "1:(other)=1"], Nodes(flow));
        Assert.Equal(["0:X>1:A=2", "0:(other)>1:A=1", "0:(other)>1:(other)=1"], Links(flow));
    }

    [Fact]
    public void SessionGap_SplitsPaths()
    {
        // p: S@0 A@10 | gap 60 | S@100 B@101: two sessions with a gap over 30 minutes.
        var events = Trace.Of(("p", 0, "S"), ("p", 10, "A"), ("p", 100, "S"), ("p", 101, "B"));

        var flow = Run(events, new PathsQuery(QueryScope.Everything) { Start = EventCondition.Named("S"), Depth = 2, SessionGap = TimeSpan.FromMinutes(30) });

        Assert.Equal(2, flow.Paths);
        Assert.Equal(["0:S=2", "1:A=1", "1:B=1"], Nodes(flow));
    }

    [Fact]
    public void EmptyCohortAndZeroRange_HaveNoPaths()
    {
        var cohort = new PathsQuery(new QueryScope(new Cohort([PropertyFilter.Equal("tier", "z")]), TimeRange.All));
        var zero = new PathsQuery(new QueryScope(Cohort.Everyone, new TimeRange(Some.Day0, Some.Day0)));

        Assert.Equal(0, Run(Four(), cohort).Paths);
        Assert.Empty(Run(Four(), zero).Nodes);
    }
}

public sealed class PathFlowsEngineTests : PathFlowsTests
{
    protected override PathFlow Run(TwinEvents events, PathsQuery query) => PathFlows.Run(Trace.Engine(events), query);

    [Fact]
    public void StartAndEnd_AreRejectedTogether()
    {
        var query = new PathsQuery(QueryScope.Everything) { Start = EventCondition.Named("A"), End = EventCondition.Named("B") };
        var error = Assert.Throws<ArgumentException>(() => PathFlows.Run(Trace.Engine(Trace.Of(("a", 0, "A"))), query));
        Assert.Contains("Start or End, not both", error.Message, StringComparison.Ordinal);
    }
}

public sealed class PathFlowsDuckDbTests : PathFlowsTests
{
    protected override PathFlow Run(TwinEvents events, PathsQuery query) => Trace.Duck(events, db => PathsSql.Run(db, query));
}

/// <summary>The engine's paths equal the DuckDB twin's on simulated companies.</summary>
public sealed class PathFlowsTwinTests
{
    [Theory]
    [InlineData(1UL, SubjectKind.Person)]
    [InlineData(2UL, SubjectKind.Account)]
    public void SimulatedCompany_EngineEqualsDuckDb(ulong seed, SubjectKind kind)
    {
        var twins = TwinEvents.Simulate(seed, accounts: 30, kind);
        var log = twins.ToEventLog(partitionTarget: 400);
        using var duck = twins.ToDuckDb();
        var scope = QueryScope.Everything;
        var queries = new[]
        {
            new PathsQuery(scope) { Start = EventCondition.Named("session_started"), Depth = 5, CollapseRepeats = true, SessionGap = TimeSpan.FromMinutes(30) },
            new PathsQuery(scope) { End = EventCondition.Named("report_viewed"), Depth = 4, Excluded = ["session_started"], NodesPerStep = 3 },
            new PathsQuery(scope) { Depth = 6, NodesPerStep = 5 },
            new PathsQuery(scope) { Start = EventCondition.Named("feature_used", PropertyFilter.Equal("feature", "exports")), Depth = 3 },
        };
        foreach (var query in queries)
        {
            var expected = PathsSql.Run(duck, query);
            var actual = PathFlows.Run(log, query);

            Assert.Equal(expected.Paths, actual.Paths);
            Assert.Equal(expected.Nodes, actual.Nodes);
            Assert.Equal(expected.Links, actual.Links);
            Assert.Equal(PathFlowsTests.Top(expected), PathFlowsTests.Top(actual));
            Assert.True(actual.Top.Count > 1, "too few paths to rank: the comparison says little");
        }
    }
}
