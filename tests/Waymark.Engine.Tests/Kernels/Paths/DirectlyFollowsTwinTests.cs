using Waymark.Core.Conditions;
using Waymark.Engine.Execution;
using Waymark.Engine.Kernels.Paths;
using Waymark.Engine.Snapshot;
using Waymark.Twins;
using Waymark.Twins.DuckDb;

namespace Waymark.Engine.Tests.Kernels.Paths;

/// <summary>The engine's directly-follows graph equals its DuckDB twin's on simulated companies.</summary>
public sealed class DirectlyFollowsTwinTests
{
    public static TheoryData<ulong, SubjectKind> Seeds => new()
    {
        { 1, SubjectKind.Account }, { 2, SubjectKind.Person }, { 3, SubjectKind.Account }, { 4, SubjectKind.Person },
    };

    [Theory]
    [MemberData(nameof(Seeds))]
    public void SimulatedCompany_EngineEqualsDuckDb(ulong seed, SubjectKind kind)
    {
        var twins = TwinEvents.Simulate(seed, accounts: 30, kind);
        var log = twins.ToEventLog(partitionTarget: 500);
        using var duck = twins.ToDuckDb();
        var middle = twins.Events.Select(e => e.Time).Order().ElementAt(twins.Events.Count / 2);
        var scopes = new[]
        {
            QueryScope.Everything,
            new QueryScope(Cohort.Everyone, new TimeRange(middle - (30 * Some.Day), middle + (30 * Some.Day))),
            new QueryScope(new Cohort([PropertyFilter.In("segment", "smb", "enterprise")]), TimeRange.All),
        };

        foreach (var scope in scopes)
        {
            foreach (var withTimes in new[] { true, false })
            {
                var query = new DirectlyFollowsQuery(scope) { WithTimes = withTimes };
                AssertSame(DirectlyFollowsSql.Run(duck, query), DirectlyFollows.Run(log, query));
            }
        }
    }

    [Fact]
    public void LateEvents_AppendedOlderThanTheNewest_EqualDuckDb()
    {
        // The last quarter of the rows moves 40 days back and is appended to a snapshot of the rest.
        var original = TwinEvents.Simulate(5, accounts: 20, SubjectKind.Account);
        var split = original.Events.Count * 3 / 4;
        var events = original.Events.Select((e, i) => i < split ? e : e with { Time = e.Time - (40 * Some.Day) }).ToList();
        var twins = new TwinEvents(original.SubjectKind, events, original.Traits);
        var query = new DirectlyFollowsQuery(QueryScope.Everything);

        var engine = DirectlyFollows.Run(Trace.Engine(twins, lateFrom: split, partitionTarget: 300), query);

        AssertSame(Trace.Duck(twins, db => DirectlyFollowsSql.Run(db, query)), engine);
    }

    internal static void AssertSame(PathGraph expected, PathGraph actual)
    {
        Assert.Equal(expected.Subjects, actual.Subjects);
        Assert.Equal(expected.Events, actual.Events);
        Assert.Equal(expected.StartActivities, actual.StartActivities);
        Assert.Equal(expected.EndActivities, actual.EndActivities);
        Assert.Equal(expected.Edges.Select(e => (e.From, e.To, e.Count)), actual.Edges.Select(e => (e.From, e.To, e.Count)));
        for (var i = 0; i < expected.Edges.Count; i++)
        {
            var (x, y) = (expected.Edges[i].Times, actual.Edges[i].Times);
            Assert.Equal(x is null, y is null);
            if (x is not null && y is not null)
            {
                var what = $"{expected.Edges[i].From}>{expected.Edges[i].To}";
                Trace.Near(x.Mean, y.Mean, what + " mean");
                Trace.Near(x.Median, y.Median, what + " median");
                Trace.Near(x.P90, y.P90, what + " p90");
                Assert.Equal((x.Min, x.Max), (y.Min, y.Max));
            }
        }
    }
}
