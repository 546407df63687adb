using Waymark.Core.Conditions;
using Waymark.Core.Errors;

namespace Waymark.Core.Tests.Conditions;

public sealed class ConditionTextTests
{
    [Fact]
    public void NameOnly_IsANamedCondition()
    {
        Assert.Equal(EventCondition.Named("trial_started"), ConditionText.ParseEvent(" trial_started "), ConditionComparer.Instance);
    }

    [Fact]
    public void Star_IsAnyEvent()
    {
        var condition = ConditionText.ParseEvent("*[plan=pro]");

        Assert.Null(condition.Event);
        Assert.Equal("plan = pro", Assert.Single(condition.Where).ToString());
    }

    [Fact]
    public void Filters_ReadEveryOperator()
    {
        var condition = ConditionText.ParseEvent("""ticket_opened[severity=critical|high, priority>=2, age<30, x!=y, z>1.5, w<=0, tag?, !closed, note="a, b]"]""");

        Assert.Equal("ticket_opened", condition.Event);
        Assert.Equal(
            ["severity in [critical, high]", "priority >= 2", "age < 30", "x != y", "z > 1.5", "w <= 0", "tag exists", "closed missing", "note = a, b]"],
            condition.Where.Select(f => f.ToString()));
    }

    [Theory]
    [InlineData("", 0, "an event name or *")]
    [InlineData("a[", 2, "a property name")]
    [InlineData("a[b]", 3, "an operator")]
    [InlineData("a[b=]", 4, "a value")]
    [InlineData("a[b=1", 5, "',' and another filter, or ']'")]
    [InlineData("a[b=1]x", 6, "the end after ']'")]
    [InlineData("a[b=\"1]", 7, "a closing \"")]
    public void BadText_SaysWhereAndWhatWasExpected(string text, int position, string expected)
    {
        var error = Assert.Throws<SyntaxException>(() => ConditionText.ParseEvent(text));

        Assert.Equal(position, error.Position);
        Assert.StartsWith(expected, error.Expected, StringComparison.Ordinal);
        Assert.Contains($"at character {position + 1}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cohort_ListsTraitFilters_EmptyIsEveryone()
    {
        var cohort = ConditionText.ParseCohort("segment=enterprise|mid-market,seats>=10");

        Assert.Equal(["segment in [enterprise, mid-market]", "seats >= 10"], cohort.Filters.Select(f => f.ToString()));
        Assert.True(ConditionText.ParseCohort("  ").IsEveryone);
        Assert.Equal(7, Assert.Throws<SyntaxException>(() => ConditionText.ParseCohort("segment")).Position);
    }

    private sealed class ConditionComparer : IEqualityComparer<EventCondition>
    {
        public static readonly ConditionComparer Instance = new();

        public bool Equals(EventCondition? x, EventCondition? y) => x?.ToString() == y?.ToString();

        public int GetHashCode(EventCondition obj) => obj.ToString().GetHashCode(StringComparison.Ordinal);
    }
}
