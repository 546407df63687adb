namespace Waymark.Simulation.Tests;

/// <summary>
/// The hidden drivers must leave marks strong enough for analytics to find: each test splits
/// the population by one driver (from the ground truth) and compares what the events show.
/// </summary>
[Collection(PopulationCollection.Name)]
public sealed class DriverEffectTests(PopulationFixture population)
{
    private IEnumerable<AccountTruth> Customers => population.Truth.Where(a => a.Bought);

    [Fact]
    public void SlowFirstValue_ChurnsMoreThanFast()
    {
        var slow = ChurnShare(Customers.Where(a => a.Drivers.TimeToFirstValue == FirstValueSpeed.Slow));
        var fast = ChurnShare(Customers.Where(a => a.Drivers.TimeToFirstValue == FirstValueSpeed.Fast));

        Assert.True(slow > fast + 0.08, $"slow {slow:P1} vs fast {fast:P1}");
    }

    [Fact]
    public void SlowFirstValue_FirstReportMuchLaterAndMoreOftenNever()
    {
        var signedInPeriod = Customers.Where(a => !a.CustomerAtStart && a.SignedAt < population.Simulator.GroundTruth.Options.Start.AddDays(250)).ToList();
        var slow = signedInPeriod.Where(a => a.Drivers.TimeToFirstValue == FirstValueSpeed.Slow).ToList();
        var fast = signedInPeriod.Where(a => a.Drivers.TimeToFirstValue == FirstValueSpeed.Fast).ToList();

        Assert.True(MedianDaysToFirstReport(slow) > MedianDaysToFirstReport(fast) + 20,
            $"slow {MedianDaysToFirstReport(slow):F1} d vs fast {MedianDaysToFirstReport(fast):F1} d");
        Assert.True(NeverShare(slow) > NeverShare(fast) + 0.2, $"never: slow {NeverShare(slow):P1} vs fast {NeverShare(fast):P1}");
    }

    [Fact]
    public void BadSupport_ChurnsMoreAndScoresLowerNps()
    {
        var bad = Customers.Where(a => a.Drivers.Support == SupportExperience.Bad).ToList();
        var good = Customers.Where(a => a.Drivers.Support == SupportExperience.Good).ToList();

        Assert.True(ChurnShare(bad) > ChurnShare(good) + 0.08, $"bad {ChurnShare(bad):P1} vs good {ChurnShare(good):P1}");
        Assert.True(MeanNps(bad) < MeanNps(good) - 2, $"NPS bad {MeanNps(bad):F2} vs good {MeanNps(good):F2}");
    }

    [Fact]
    public void LostChampion_ChurnsMoreAndUsesLess()
    {
        var lost = Customers.Where(a => a.Drivers.Champion == ChampionState.Lost && a.Drivers.ChampionLostAt < population.Simulator.GroundTruth.Options.Start.AddDays(200)).ToList();
        var present = Customers.Where(a => a.Drivers.Champion == ChampionState.Present).ToList();

        Assert.True(ChurnShare(lost) > ChurnShare(present) + 0.08, $"lost {ChurnShare(lost):P1} vs present {ChurnShare(present):P1}");
        Assert.True(SessionsPerPerson(lost) < SessionsPerPerson(present) * 0.85,
            $"sessions per person: lost {SessionsPerPerson(lost):F1} vs present {SessionsPerPerson(present):F1}");
    }

    [Fact]
    public void PoorFit_ExpandsLessAndWinsLess()
    {
        var poor = Customers.Where(a => a.Drivers.Fit == SegmentFit.Poor).ToList();
        var good = Customers.Where(a => a.Drivers.Fit == SegmentFit.Good).ToList();
        double Expanded(List<AccountTruth> set) => set.Count(a => population.Of(a).Count("seats_added") + population.Of(a).Count("plan_upgraded") > 0) / (double)set.Count;
        double WinRate(SegmentFit fit)
        {
            var decided = population.Truth.Where(a => !a.CustomerAtStart && a.Drivers.Fit == fit && (a.Bought || a.LostTo is not null)).ToList();
            return decided.Count(a => a.Bought) / (double)decided.Count;
        }

        Assert.True(Expanded(poor) < Expanded(good) * 0.6, $"expanded: poor {Expanded(poor):P1} vs good {Expanded(good):P1}");
        Assert.True(WinRate(SegmentFit.Poor) < WinRate(SegmentFit.Good) - 0.15, $"win: poor {WinRate(SegmentFit.Poor):P1} vs good {WinRate(SegmentFit.Good):P1}");
    }

    private double ChurnShare(IEnumerable<AccountTruth> accounts)
    {
        var list = accounts.ToList();
        Assert.True(list.Count > 100, $"only {list.Count} accounts");
        return list.Count(a => population.Of(a).Count("churned") > 0) / (double)list.Count;
    }

    private double MedianDaysToFirstReport(List<AccountTruth> accounts)
    {
        var days = accounts.Select(population.Of).Where(s => s.FirstReportAfterSigning is not null)
            .Select(s => (s.FirstReportAfterSigning!.Value - s.Signed!.Value).TotalDays).Order().ToList();
        Assert.True(days.Count > 50, $"only {days.Count} accounts saw a report");
        return days[days.Count / 2];
    }

    private double NeverShare(List<AccountTruth> accounts) =>
        accounts.Count(a => population.Of(a).FirstReportAfterSigning is null) / (double)accounts.Count;

    private double MeanNps(List<AccountTruth> accounts) => accounts.SelectMany(a => population.Of(a).NpsScores).Average();

    private double SessionsPerPerson(List<AccountTruth> accounts) =>
        accounts.Sum(a => population.Of(a).Count("session_started")) / (double)accounts.Sum(a => a.People);
}
