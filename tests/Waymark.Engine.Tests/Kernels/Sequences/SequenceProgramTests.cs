using System.Text;
using Waymark.Engine.Kernels.Sequences;

namespace Waymark.Engine.Tests.Kernels.Sequences;

public sealed class SequenceProgramTests
{
    [Fact]
    public void CountLinearly_EqualsTheBacktrackingSearch_OnRandomPatternsAndEvents()
    {
        // Patterns of conditions, '.' and '.*' over three conditions; events satisfying one or
        // several conditions (shared names), up to 40 of them. The backtracking search (with the
        // automaton for sequenceMatch) is the reference the kernel used before the linear pass.
        var random = new Random(20251123);
        var stack = new SequenceProgram.Frame[16];
        var compared = 0;
        for (var trial = 0; trial < 20_000; trial++)
        {
            var pattern = RandomPattern(random);
            var program = new SequenceProgram(SequencePattern.Parse(pattern, 3));
            var masks = new uint[random.Next(1, 41)];
            for (var e = 0; e < masks.Length; e++)
            {
                masks[e] = random.Next(6) == 0 ? (uint)random.Next(1, 8) : 1u << random.Next(3);
            }

            if (masks.Length > program.LinearLimit)
            {
                continue; // many stars: the kernel keeps the search there
            }

            var (matched, count, over) = Backtracking(program, masks, ref stack);
            Assert.False(over);
            compared++;
            var linear = program.CountLinearly(masks);
            Assert.True((matched, count) == (linear > 0, linear), $"{pattern} over [{string.Join(' ', masks)}]: backtracking ({matched}, {count}), linear {linear}");
        }

        Assert.True(compared > 18_000, $"only {compared} trials within the linear limit");
    }

    [Theory]
    [InlineData("(?1).*(?2)")]
    [InlineData("(?1).*(?1).*(?2)")]
    [InlineData("(?1).(?1).*(?2)")]
    public void LinearLimit_KeepsTheWorstSubjectUnderTheStepLimit(string pattern)
    {
        // The most steps: every event is a start candidate (condition 1) and condition 2 never
        // follows, so every star walks to the end for every choice before it.
        var program = new SequenceProgram(SequencePattern.Parse(pattern, 2));
        var masks = new uint[program.LinearLimit];
        Array.Fill(masks, 1u);
        masks[0] = 2;
        var stack = new SequenceProgram.Frame[16];

        var (_, _, over) = Backtracking(program, masks, ref stack);

        Assert.False(over);
        Assert.Equal(0, program.CountLinearly(masks));
    }

    [Fact]
    public void LinearLimit_OfAStarPattern_IsNotFarBelowWhereTheSearchReallyGivesUp()
    {
        // (?1).*(?2) over b a a a …: every a starts an attempt whose star then walks to the end,
        // two steps per event, about n² steps in all; the bound, n² + 3n, is as tight, so
        // the linear pass gives way to the search only a little before the search gives up.
        var program = new SequenceProgram(SequencePattern.Parse("(?1).*(?2)", 2));
        var masks = new uint[(int)(program.LinearLimit * 1.5)];
        Array.Fill(masks, 1u);
        masks[0] = 2;
        var stack = new SequenceProgram.Frame[16];

        Assert.InRange(program.LinearLimit, 990, 1000);
        Assert.True(Backtracking(program, masks, ref stack).Over);
    }

    [Fact]
    public void LinearLimit_IsZeroForPatternsWithTimeElements()
    {
        Assert.Equal(0, new SequenceProgram(SequencePattern.Parse("(?1)(?t<=5)(?2)", 2)).LinearLimit);
    }

    private static (bool Matched, int Count, bool Over) Backtracking(SequenceProgram program, uint[] masks, ref SequenceProgram.Frame[] stack)
    {
        var times = new long[masks.Length];
        var matched = program.MatchesAnywhere(masks);
        int count = 0, position = 0;
        while (position < masks.Length)
        {
            var outcome = program.MatchFrom(times, masks, ref position, ref stack);
            if (outcome == MatchOutcome.OverStepLimit)
            {
                return (false, 0, true);
            }

            if (outcome != MatchOutcome.Match)
            {
                break;
            }

            count++;
        }

        return (matched, count, false);
    }

    private static string RandomPattern(Random random)
    {
        var pattern = new StringBuilder();
        var elements = random.Next(0, 7);
        for (var i = 0; i < elements; i++)
        {
            pattern.Append(random.Next(10) switch
            {
                < 5 => $"(?{random.Next(1, 4)})",
                < 7 => ".",
                _ => ".*",
            });
        }

        return pattern.ToString();
    }
}
