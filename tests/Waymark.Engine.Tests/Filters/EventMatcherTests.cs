using Waymark.Core.Conditions;
using Waymark.Engine.Filters;
using Waymark.Engine.Snapshot;

namespace Waymark.Engine.Tests.Filters;

public sealed class EventMatcherTests
{
    private static EventLog Tickets()
    {
        var builder = new EventLog.Builder(SubjectKind.Account);
        builder.AddEvent("acme", Some.Day0 + 1, "ticket_opened", """{"severity":"critical","priority":3}""");
        builder.AddEvent("acme", Some.Day0 + 2, "ticket_opened", """{"severity":"low","priority":1}""");
        builder.AddEvent("acme", Some.Day0 + 3, "ticket_opened", null);
        builder.AddEvent("acme", Some.Day0 + 4, "csat_submitted", """{"severity":"critical","priority":"3"}""");
        builder.SetTraits("acme", """{"segment":"enterprise","seats":40}""");
        builder.AddEvent("globex", Some.Day0 + 1, "ticket_opened", """{"severity":"critical"}""");
        builder.SetTraits("globex", """{"segment":"smb","seats":4}""");
        return builder.Build();
    }

    [Theory]
    [InlineData("severity", Comparison.Equal, "critical", "1000")]
    [InlineData("severity", Comparison.NotEqual, "critical", "0100")]
    [InlineData("priority", Comparison.GreaterThan, "2", "1000")]
    [InlineData("priority", Comparison.LessThanOrEqual, "1", "0100")]
    [InlineData("priority", Comparison.Equal, "3.0", "1000")]
    [InlineData("priority", Comparison.Exists, null, "1100")]
    [InlineData("priority", Comparison.Missing, null, "0010")]
    public void Matches_TicketOpenedOfAcme(string key, Comparison comparison, string? operand, string expected)
    {
        var log = Tickets();
        var matcher = EventMatcher.Compile(log, EventCondition.Named("ticket_opened", new PropertyFilter(key, comparison, operand is null ? [] : [operand])));
        var partition = log.Partitions[0];

        var actual = string.Concat(Enumerable.Range(0, 4).Select(i => matcher.Matches(partition, 0, i) ? '1' : '0'));

        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData(Comparison.Equal, new[] { "champion" }, "101")]
    [InlineData(Comparison.In, new[] { "end-user", "2" }, "011")]
    [InlineData(Comparison.NotEqual, new[] { "champion" }, "010")]
    public void ListValue_EqualsWhenOneOfItsItemsDoes(Comparison comparison, string[] operands, string expected)
    {
        var builder = new EventLog.Builder(SubjectKind.Person);
        builder.AddEvent("ann", Some.Day0, "seen", """{"roles":["champion","influencer"]}""");
        builder.AddEvent("ann", Some.Day0 + 1, "seen", """{"roles":["end-user"]}""");
        builder.AddEvent("ann", Some.Day0 + 2, "seen", """{"roles":["champion",2]}""");
        var log = builder.Build();
        var matcher = EventMatcher.Compile(log, EventCondition.Named("seen", new PropertyFilter("roles", comparison, operands)));

        var actual = string.Concat(Enumerable.Range(0, 3).Select(i => matcher.Matches(log.Partitions[0], 0, i) ? '1' : '0'));

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Compile_UnknownName_MatchesNothing()
    {
        var log = Tickets();

        var matcher = EventMatcher.Compile(log, EventCondition.Named("never_seen"));

        Assert.Equal(EventMatcher.NoName, matcher.Name);
        Assert.False(matcher.Matches(log.Partitions[0], 0, 0));
    }

    [Fact]
    public void StringNumber_IsNotComparedAsNumber()
    {
        var log = Tickets();
        var matcher = EventMatcher.Compile(log, EventCondition.Named("csat_submitted", PropertyFilter.Compare("priority", Comparison.GreaterThan, 2)));

        Assert.False(matcher.Matches(log.Partitions[0], 0, 3));
    }

    [Fact]
    public void Cohort_SelectsSubjectsByTraits()
    {
        var log = Tickets();

        var enterprise = SubjectMask.Compile(log, new Cohort([PropertyFilter.In("segment", "enterprise", "mid-market")]));
        var small = SubjectMask.Compile(log, new Cohort([PropertyFilter.Compare("seats", Comparison.LessThan, 10)]));

        Assert.True(enterprise.Contains(log.Subjects.CodeOf("acme")));
        Assert.False(enterprise.Contains(log.Subjects.CodeOf("globex")));
        Assert.False(small.Contains(log.Subjects.CodeOf("acme")));
        Assert.True(small.Contains(log.Subjects.CodeOf("globex")));
        Assert.True(SubjectMask.Compile(log, Cohort.Everyone).IsEveryone);
    }
}
