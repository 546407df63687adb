using Waymark.Engine.Kernels.Sequences;

namespace Waymark.Engine.Tests.Kernels.Sequences;

public sealed class SequencePatternTests
{
    [Fact]
    public void FullSyntax_ParsesEveryElement()
    {
        var pattern = SequencePattern.Parse("(?1).*(?2)(?t<=3600)(?3).(?t>=1)(?1)(?t<2)(?2)(?t>0)(?3)(?t==5).", 3);
        Assert.Equal(
            ["(?1)", ".*", "(?2)", "(?t<=3600)", "(?3)", ".", "(?t>=1)", "(?1)", "(?t<2)", "(?2)", "(?t>0)", "(?3)", "(?t==5)", "."],
            pattern.Steps.Select(s => s.ToString()));
        Assert.True(pattern.HasTimeSteps);
        Assert.Equal(0b111u, pattern.ConditionsUsed);
        Assert.Equal(6, pattern.Steps[2].Position);
    }

    [Fact]
    public void EmptyPattern_HasNoSteps()
    {
        var pattern = SequencePattern.Parse("", 1);
        Assert.Empty(pattern.Steps);
        Assert.False(pattern.HasTimeSteps);
    }

    [Theory]
    [InlineData("(?1) (?2)", 4, "'(?N)', '(?t op N)', '.' or '.*'", "' (?2)'")]
    [InlineData("(?1", 3, "')'", "end of pattern")]
    [InlineData("(?4)", 2, "a condition number from 1 to 3", "'4)'")]
    [InlineData("(?0)", 2, "a condition number from 1 to 3", "'0)'")]
    [InlineData("(?x)", 2, "a condition number from 1 to 3", "'x)'")]
    [InlineData("(?1)(?t!3)", 7, "a time comparison '<=', '<', '>=', '>' or '==' after '(?t'", "'!3)'")]
    [InlineData("(?1)(?t<=)", 9, "a number of seconds", "')'")]
    [InlineData("(?1)(?t<=1)(?t>=2)", 11, "'(?N)', '.' or '.*' before a time condition (two time conditions in a row)", "'(?t>=2)'")]
    [InlineData("(?1)(?t<=99999999999999999999)", 9, "a number of seconds (at most 9223372036854775)", "'999999999999…'")]
    public void InvalidPattern_NamesPositionAndExpectation(string text, int position, string expected, string found)
    {
        var error = Assert.Throws<SequencePatternException>(() => SequencePattern.Parse(text, 3));
        Assert.Equal(position, error.Position);
        Assert.Equal(expected, error.Expected);
        Assert.Equal(found, error.Found);
        Assert.Contains($"at position {position}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TooManyEventSteps_AreRefused()
    {
        var error = Assert.Throws<SequencePatternException>(() => SequencePattern.Parse(string.Concat(Enumerable.Repeat("(?1)", 64)), 1));
        Assert.Equal(63 * 4, error.Position);
    }

    [Fact]
    public void ConditionCount_IsOneToThirtyTwo()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SequencePattern.Parse("(?1)", 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => SequencePattern.Parse("(?1)", 33));
        Assert.Throws<ArgumentException>(() => new SequenceQuery([], "(?1)"));
        Assert.Equal(32, SequencePattern.Parse("(?32)", 32).Steps[0].Condition);
    }
}
