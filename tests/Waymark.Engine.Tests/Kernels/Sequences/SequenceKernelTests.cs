using Waymark.Core.Conditions;
using Waymark.Engine.Execution;
using Waymark.Engine.Kernels.Sequences;
using Waymark.Engine.Snapshot;
using Waymark.Twins;
using Waymark.Twins.DuckDb;

namespace Waymark.Engine.Tests.Kernels.Sequences;

public sealed class SequenceKernelTests
{
    private static readonly string[] NoTimePatterns = ["(?1)(?2)", "(?1).*(?2).*(?3)", "(?2).(?1)", "(?1)(?1)", "(?3).*(?1)", "(?1)..(?4)"];

    [Fact]
    public void PropertyFilter_DecidesWhichEventsSatisfyACondition()
    {
        // s1: purchase(plan=pro) then refund; s2: purchase(plan=free) then refund. Condition 1 is a
        // pro purchase, so only s1 matches; s2's free purchase satisfies no condition and is skipped.
        var builder = new EventLog.Builder(SubjectKind.Person);
        builder.AddEvent("s1", Some.Day0, "purchase", """{"plan":"pro"}""");
        builder.AddEvent("s1", Some.Day0 + Some.Hour, "refund");
        builder.AddEvent("s2", Some.Day0, "purchase", """{"plan":"free"}""");
        builder.AddEvent("s2", Some.Day0 + Some.Hour, "refund");
        var query = new SequenceQuery([EventCondition.Named("purchase", PropertyFilter.Equal("plan", "pro")), EventCondition.Named("refund")], "(?1)(?2)");

        var result = SequenceKernel.Run(builder.Build(), query, QueryScope.Everything);

        Assert.Equal(2, result.SubjectsConsidered);
        Assert.Equal([new SubjectSequence(0, "s1", true, 1, false)], result.Subjects);
    }

    [Fact]
    public void Cohort_LimitsSubjects_AndAnEmptyCohortConsidersNone()
    {
        var builder = new EventLog.Builder(SubjectKind.Person);
        builder.AddEvent("s1", Some.Day0, "a");
        builder.AddEvent("s2", Some.Day0, "a");
        builder.SetTraits("s1", """{"plan":"pro"}""");
        builder.SetTraits("s2", """{"plan":"free"}""");
        var log = builder.Build();
        var query = SequenceQuery.OfNames("(?1)", "a");

        var pro = SequenceKernel.Run(log, query, new QueryScope(new Cohort([PropertyFilter.Equal("plan", "pro")]), TimeRange.All));
        var nobody = SequenceKernel.Run(log, query, new QueryScope(new Cohort([PropertyFilter.Equal("plan", "none")]), TimeRange.All));

        Assert.Equal(("s1", 1, 1L), (pro.Subjects.Single().Id, pro.SubjectsConsidered, pro.TotalCount));
        Assert.Equal((0, 0, 0L), (nobody.SubjectsConsidered, nobody.SubjectsMatched, nobody.TotalCount));
    }

    [Fact]
    public void QuadraticSearch_StopsAtClickHousesStepLimit()
    {
        // s1: b, then 2,000 a's. (?1).*(?2) tries every a as a start and walks to the end each time:
        // about 2,000²/2 = 2 million steps in the first search, past the 1 million limit. s2 (a b) is unaffected.
        var builder = new EventLog.Builder(SubjectKind.Person);
        builder.AddEvent("s1", Some.Day0, "b");
        for (var i = 1; i <= 2000; i++)
        {
            builder.AddEvent("s1", Some.Day0 + i, "a");
        }

        builder.AddEvent("s2", Some.Day0, "a");
        builder.AddEvent("s2", Some.Day0 + 1, "b");

        var result = SequenceKernel.Run(builder.Build(), SequenceQuery.OfNames("(?1)(?t<=1000000)(?2)", "a", "b"), QueryScope.Everything);

        Assert.Equal(1, result.SubjectsOverStepLimit);
        Assert.Equal([new SubjectSequence(0, "s1", false, 0, true), new SubjectSequence(1, "s2", true, 1, false)], result.Subjects);
        Assert.Equal((1, 1L), (result.SubjectsMatched, result.TotalCount));
    }

    [Theory]
    [InlineData(1UL, SubjectKind.Person)]
    [InlineData(2UL, SubjectKind.Person)]
    [InlineData(3UL, SubjectKind.Account)]
    public void SimulatedCompany_EngineEqualsDuckDb(ulong seed, SubjectKind kind)
    {
        var events = TwinEvents.Simulate(seed, accounts: 30, kind);
        var log = events.ToEventLog(partitionTarget: 2000);
        using var duck = events.ToDuckDb();
        var names = Timeline.TopNames(events, 12)[^4..];
        var matching = 0;
        foreach (var pattern in NoTimePatterns)
        {
            var query = SequenceQuery.OfNames(pattern, names);
            var engine = SequenceEngineTests.Engine(log, query, TimeRange.All);
            Assert.Equal(SequenceSql.Run(duck, query, TimeRange.All), engine, TwinSequenceComparer.Instance);
            matching += engine.Rows.Count > 0 ? 1 : 0;
        }

        Assert.True(matching >= 3, $"only {matching} patterns matched anyone: the comparison says little");
    }

    [Fact]
    public void LateEvents_AreMatchedWhereTheyBelong()
    {
        // Older events appended after the snapshot was built must be matched in time order, as the
        // twin sees them in one table.
        var events = TwinEvents.Simulate(4, accounts: 20, SubjectKind.Person);
        var log = events.ToEventLog(partitionTarget: 1000);
        var names = Timeline.TopNames(events, 12)[^4..];
        var late = events.Events.Where((e, i) => i % 7 == 0).Select(e => e with { Time = e.Time - Some.Day, Name = names[0] }).ToList();
        var builder = EventLog.Builder.From(log);
        foreach (var e in late)
        {
            builder.AddEvent(e.Subject, e.Time, e.Name, e.Properties);
        }

        var all = new TwinEvents(SubjectKind.Person, [.. events.Events, .. late]);
        using var duck = all.ToDuckDb();
        var query = SequenceQuery.OfNames("(?1).*(?2)", names);
        Assert.Equal(SequenceSql.Run(duck, query, TimeRange.All), SequenceEngineTests.Engine(builder.Build(), query, TimeRange.All), TwinSequenceComparer.Instance);
    }
}

/// <summary>Twin results are equal when the considered count and every row are.</summary>
internal sealed class TwinSequenceComparer : IEqualityComparer<TwinSequenceResult>
{
    public static readonly TwinSequenceComparer Instance = new();

    public bool Equals(TwinSequenceResult? x, TwinSequenceResult? y) =>
        x is not null && y is not null && x.SubjectsConsidered == y.SubjectsConsidered && x.Rows.SequenceEqual(y.Rows);

    public int GetHashCode(TwinSequenceResult obj) => obj.Rows.Count;
}
