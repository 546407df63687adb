using Waymark.Core.Conditions;
using Waymark.Engine.Execution;
using Waymark.Engine.Kernels.Funnels;
using Waymark.Engine.Snapshot;
using static Waymark.Engine.Tests.Kernels.Funnels.Journeys;

namespace Waymark.Engine.Tests.Kernels.Funnels;

/// <summary>
/// The funnel's results and the features ClickHouse does not have (optional steps, exclusions,
/// any order, breakdowns), worked out by hand, on both scan strategies.
/// </summary>
public sealed class FunnelTests
{
    private const long Min = Some.Minute;

    private static FunnelStrategy Strategy(bool fullScan) => fullScan ? FunnelStrategy.FullScan : FunnelStrategy.Indexed;

    private static FunnelResult Run(EventLog log, FunnelQuery query, FunnelStrategy strategy) =>
        Funnel.Run(log, query, QueryScope.Everything, strategy);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Result_CountsConversionsTimesAndDropOffs(bool fullScan)
    {
        // s1: A, B@10, C@30 → level 3; s2: A, B@20 → 2; s3: A → 1; s4: only B → not in the funnel.
        var log = Of(("s1", 0, "A"), ("s1", 10, "B"), ("s1", 30, "C"), ("s2", 0, "A"), ("s2", 20, "B"), ("s3", 0, "A"), ("s4", 0, "B")).ToEventLog(2);
        var query = FunnelQuery.Of(Minutes(60), "A", "B", "C") with { IncludeDropOffs = true, HistogramBins = 2 };

        var result = Run(log, query, Strategy(fullScan));

        Assert.Equal([3L, 2, 1], result.Steps.Select(s => s.Reached));
        Assert.Equal([1.0, 2.0 / 3, 0.5], result.Steps.Select(s => s.ConversionFromPrevious!.Value));
        Assert.Equal([1.0, 2.0 / 3, 1.0 / 3], result.Steps.Select(s => s.ConversionFromFirst!.Value));
        Assert.Null(result.Steps[0].TimeToConvert);
        // Step B: times 10 and 20 minutes; nearest rank: median = 1st (⌈0.5·2⌉), p90 = 2nd (⌈0.9·2⌉).
        // Two bins of width ⌈(1,200,000 + 1) / 2⌉ = 600,001 ms: 600,000 in the first, 1,200,000 in the second.
        var b = result.Steps[1].TimeToConvert!;
        Assert.Equal((2L, 10 * Min, 20 * Min, 10 * Min, 20 * Min), (b.Subjects, b.MedianMs, b.P90Ms, b.MinMs, b.MaxMs));
        Assert.Equal([new HistogramBin(0, 600_001, 1), new HistogramBin(600_001, 1_200_002, 1)], b.Histogram);
        Assert.Equal(30 * Min, result.Steps[2].TimeToConvert!.MedianMs);
        // Dropped off at B: deepest step A (s3); at C: deepest step B (s2).
        Assert.Null(result.Steps[0].DroppedOff);
        Assert.Equal(["s3"], result.Steps[1].DroppedOff!);
        Assert.Equal(["s2"], result.Steps[2].DroppedOff!);
        Assert.Empty(result.Breakdowns);
        Assert.Equal(0, result.Excluded);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void RestartedChain_TimeToConvertIsFromTheLatestFirstStep(bool fullScan)
    {
        // A@0 cannot reach B@100 within 60 minutes; A@50 can: 50 minutes.
        var log = Of(("s", 0, "A"), ("s", 50, "A"), ("s", 100, "B")).ToEventLog();

        Assert.Equal(50 * Min, Run(log, FunnelQuery.Of(Minutes(60), "A", "B"), Strategy(fullScan)).Steps[1].TimeToConvert!.MedianMs);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void OptionalStep_MayBeSkipped_AndCountsOnlyWhenDone(bool fullScan)
    {
        // skip: A, C → reaches C without B; did: A, B, C. B optional.
        var log = Of(("skip", 0, "A"), ("skip", 10, "C"), ("did", 0, "A"), ("did", 5, "B"), ("did", 10, "C")).ToEventLog();
        var query = new FunnelQuery([FunnelStep.Named("A"), FunnelStep.Named("B") with { Optional = true }, FunnelStep.Named("C")], Minutes(60));

        var result = Run(log, query, Strategy(fullScan));

        Assert.Equal([2L, 1, 2], result.Steps.Select(s => s.Reached));
        // C's previous step that is not optional is A: 2 / 2.
        Assert.Equal([1.0, 0.5, 1.0], result.Steps.Select(s => s.ConversionFromPrevious!.Value));
        Assert.Equal(new Dictionary<string, int> { ["skip"] = 3, ["did"] = 3 }, Funnel.Levels(log, query, QueryScope.Everything, Strategy(fullScan)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void PerStepLimit_IsInclusiveFromThePreviousStep(bool fullScan)
    {
        // B within 5 minutes of A: at 5 it counts, at 6 it does not; C within the funnel's 60 only.
        var log = Of(("at", 0, "A"), ("at", 5, "B"), ("at", 50, "C"), ("past", 0, "A"), ("past", 6, "B")).ToEventLog();
        var query = new FunnelQuery([FunnelStep.Named("A"), FunnelStep.Named("B") with { Within = Minutes(5) }, FunnelStep.Named("C")], Minutes(60));

        Assert.Equal(new Dictionary<string, int> { ["at"] = 3, ["past"] = 1 }, Funnel.Levels(log, query, QueryScope.Everything, Strategy(fullScan)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Exclusion_BreaksTheChainBetweenItsSteps(bool fullScan)
    {
        var log = Of(
            ("broken", 0, "A"), ("broken", 10, "B"), ("broken", 15, "X"), ("broken", 20, "C"),  // X after B, before C: chain broken at B → left out
            ("after", 0, "A"), ("after", 10, "B"), ("after", 20, "C"), ("after", 30, "X"),      // X after C → 3
            ("before", 0, "A"), ("before", 5, "X"), ("before", 10, "B"), ("before", 20, "C"),   // X before B (not between B and C) → 3
            ("again", 0, "A"), ("again", 10, "B"), ("again", 15, "X"), ("again", 20, "A"), ("again", 25, "B"), ("again", 30, "C"), // a clean restart → 3
            ("late", 0, "A"), ("late", 10, "B"), ("late", 100, "X")).ToEventLog();              // X past the window (0 + 60) → 2
        var query = FunnelQuery.Of(Minutes(60), "A", "B", "C") with { Exclusions = [new FunnelExclusion(EventCondition.Named("X"), 1, 2)] };

        var levels = Funnel.Levels(log, query, QueryScope.Everything, Strategy(fullScan));
        var result = Run(log, query, Strategy(fullScan));

        Assert.Equal(new Dictionary<string, int> { ["broken"] = -1, ["after"] = 3, ["before"] = 3, ["again"] = 3, ["late"] = 2 }, levels);
        Assert.Equal(1, result.Excluded);
        Assert.Equal([4L, 4, 3], result.Steps.Select(s => s.Reached));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ExclusionAfterTheFirstStep_LeavesOutSubjectsWhoWentNoFurther(bool fullScan)
    {
        // Exclusion between A and B: "x" does A then X (within the window) and never B → left out.
        var log = Of(("x", 0, "A"), ("x", 5, "X"), ("plain", 0, "A")).ToEventLog();
        var query = FunnelQuery.Of(Minutes(60), "A", "B") with { Exclusions = [new FunnelExclusion(EventCondition.Named("X"), 0, 1)] };

        Assert.Equal(new Dictionary<string, int> { ["x"] = -1, ["plain"] = 1 }, Funnel.Levels(log, query, QueryScope.Everything, Strategy(fullScan)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AnyOrder_CountsDistinctStepsWithinOneWindow(bool fullScan)
    {
        // all: C@0, A@10, B@20 → 3 distinct within [0, 60]; apart: B@0, B@10, A@100 → never 2 within 60 → 1.
        var log = Of(("all", 0, "C"), ("all", 10, "A"), ("all", 20, "B"), ("apart", 0, "B"), ("apart", 10, "B"), ("apart", 100, "A")).ToEventLog();
        var query = FunnelQuery.Of(Minutes(60), "A", "B", "C") with { Order = FunnelOrder.AnyOrder };

        var result = Run(log, query, Strategy(fullScan));

        Assert.Equal(new Dictionary<string, int> { ["all"] = 3, ["apart"] = 1 }, Funnel.Levels(log, query, QueryScope.Everything, Strategy(fullScan)));
        Assert.Equal([2L, 1, 1], result.Steps.Select(s => s.Reached));
        // "all" had 2 distinct steps first at 10 (from the anchor at 0), 3 at 20.
        Assert.Equal(10 * Min, result.Steps[1].TimeToConvert!.MedianMs);
        Assert.Equal(20 * Min, result.Steps[2].TimeToConvert!.MedianMs);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void BreakdownByTrait_OneFunnelPerValue(bool fullScan)
    {
        var traits = new Dictionary<string, string> { ["e1"] = """{"segment":"enterprise"}""", ["m1"] = """{"segment":"smb"}""" };
        var log = With(traits, ("e1", 0, "A", null), ("e1", 5, "B", null), ("m1", 0, "A", null), ("n1", 0, "A", null), ("n1", 1, "B", null)).ToEventLog();
        var query = FunnelQuery.Of(Minutes(60), "A", "B") with { Breakdown = FunnelBreakdown.ByTrait("segment") };

        var result = Run(log, query, Strategy(fullScan));

        // Each value has one subject at A; ties ordered by value, absent last.
        Assert.Equal(["enterprise", "smb", null], result.Breakdowns.Select(b => b.Value));
        Assert.Equal([[1L, 1], [1, 0], [1, 1]], result.Breakdowns.Select(b => b.Steps.Select(s => s.Reached).ToArray()));
        Assert.Equal(5 * Min, result.Breakdowns[0].Steps[1].TimeToConvert!.MedianMs);
        Assert.Equal([3L, 2], result.Steps.Select(s => s.Reached));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void BreakdownByFirstStepProperty_TakesTheChainsFirstStep(bool fullScan)
    {
        // s1: A(ad)@0, A(email)@30, B@40 → B first reached from A@30 → email.
        // s2: A(ad)@0, A(email)@5, no B → its first A → ad.
        var log = With(
            null,
            ("s1", 0, "A", """{"source":"ad"}"""), ("s1", 30, "A", """{"source":"email"}"""), ("s1", 40, "B", null),
            ("s2", 0, "A", """{"source":"ad"}"""), ("s2", 5, "A", """{"source":"email"}""")).ToEventLog();
        var query = FunnelQuery.Of(Minutes(20), "A", "B") with { Breakdown = FunnelBreakdown.ByFirstStepProperty("source") };

        var result = Run(log, query, Strategy(fullScan));

        Assert.Equal(["ad", "email"], result.Breakdowns.Select(b => b.Value));
        Assert.Equal([[1L, 0], [1, 1]], result.Breakdowns.Select(b => b.Steps.Select(s => s.Reached).ToArray()));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void FiftySteps_ReachTheirLevels(bool fullScan)
    {
        var names = Enumerable.Range(0, 50).Select(i => $"e{i}").ToArray();
        var events = names.Select((n, i) => ("all", (long)i, n)).Concat(names.Take(25).Select((n, i) => ("half", (long)i, n))).ToArray();
        var log = Of(events).ToEventLog();

        var result = Run(log, FunnelQuery.Of(Minutes(60), names), Strategy(fullScan));

        Assert.Equal(new Dictionary<string, int> { ["all"] = 50, ["half"] = 25 }, Funnel.Levels(log, FunnelQuery.Of(Minutes(60), names), QueryScope.Everything, Strategy(fullScan)));
        Assert.Equal(2, result.Steps[24].Reached);
        Assert.Equal(1, result.Steps[25].Reached);
        Assert.Equal(49 * Min, result.Steps[49].TimeToConvert!.MedianMs);
    }

    [Fact]
    public void UnknownFirstStep_NobodyEnters()
    {
        var log = Of(("s", 0, "A")).ToEventLog();

        Assert.Equal([0L, 0], Funnel.Run(log, FunnelQuery.Of(Minutes(60), "never", "A"), QueryScope.Everything).Steps.Select(s => s.Reached));
    }

    public static TheoryData<FunnelQuery, string> InvalidQueries() => new()
    {
        { new FunnelQuery([], Minutes(1)), "1 to 64 steps" },
        { FunnelQuery.Of(TimeSpan.FromMinutes(-1), "A", "B"), "window" },
        { FunnelQuery.Of(TimeSpan.FromTicks(1), "A", "B"), "whole milliseconds" },
        { new FunnelQuery([FunnelStep.Named("A") with { Optional = true }, FunnelStep.Named("B")], Minutes(1)), "optional" },
        { FunnelQuery.Of(Minutes(1), "A", "B") with { Modes = FunnelModes.AllowReentry }, "AllowReentry needs StrictOrder" },
        { FunnelQuery.Of(Minutes(1), "A", "B") with { Exclusions = [new FunnelExclusion(EventCondition.Named("X"), 1, 1)] }, "FromStep < ToStep" },
        { FunnelQuery.Of(Minutes(1), "A", "B") with { Order = FunnelOrder.AnyOrder, Modes = FunnelModes.StrictOrder }, "ordered funnel" },
        { FunnelQuery.Of(Minutes(1), "A", "B") with { HistogramBins = 0 }, "histogram bins" },
    };

    [Theory]
    [MemberData(nameof(InvalidQueries))]
    public void InvalidQuery_IsRefusedWithWhatWasExpected(FunnelQuery query, string expected)
    {
        var log = Of(("s", 0, "A")).ToEventLog();

        var error = Assert.Throws<ArgumentException>(() => Funnel.Run(log, query, QueryScope.Everything));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
