using Waymark.Journeys.Conformance;

namespace Waymark.Journeys.Tests.Conformance;

/// <summary>
/// Conformance and drift of the team onboarding map (first-report → team-in → self-sufficient), on
/// four accounts worked out by hand: acme in order, beta self-sufficient before its team was in,
/// gamma churned waiting for its first report, delta invited its team before any report.
/// </summary>
public sealed class JourneyConformanceTests
{
    private static History Four()
    {
        var h = new History();
        foreach (var a in new[] { "acme", "beta", "gamma", "delta" })
        {
            h.Account(a, """{"segment":"enterprise"}""").At(0, a, "contract_signed");
        }

        h.At(1, "acme", "report_viewed").Invites(2, "acme").At(3, "acme", "report_scheduled", """{"frequency":"weekly"}""")
            .At(3, "acme", "report_viewed").At(4, "acme", "report_viewed");
        h.At(1, "beta", "report_viewed").At(2, "beta", "report_scheduled", """{"frequency":"weekly"}""").At(2, "beta", "report_viewed")
            .At(3, "beta", "report_viewed").Invites(5, "beta");
        h.At(10, "gamma", "churned");
        h.Invites(2, "delta");
        return h;
    }

    [Fact]
    public void Measure_GivesFitnessDeviationsLeavingPointsAndTimes()
    {
        var instances = Four().Batch(Maps.TeamOnboarding(), History.Day(20));

        var report = JourneyConformance.Measure(Maps.TeamOnboarding(), instances);

        // Fitness: acme 1, beta 1 - 1/3 (self-sufficient out of order), gamma 1, delta 1 - 2/3 (team-in out of order, first-report skipped).
        Assert.Equal(0.75, report.MeanFitness, 12);
        Assert.Equal(0.5, report.FollowingDesign);
        var fitness = report.Fitness.ToDictionary(f => f.Subject, f => f.Fitness);
        Assert.Equal(1, fitness["acme"]);
        Assert.Equal(2 / 3.0, fitness["beta"], 12);
        Assert.Equal(1, fitness["gamma"]);
        Assert.Equal(1 / 3.0, fitness["delta"], 12);
        var (first, team, self) = (report.Milestones[0], report.Milestones[1], report.Milestones[2]);
        Assert.Equal((2, 0, 1), (first.Reached, first.OutOfOrder, first.Skipped));
        Assert.Equal((3, 1, 0), (team.Reached, team.OutOfOrder, team.Skipped));
        Assert.Equal((2, 1, 0), (self.Reached, self.OutOfOrder, self.Skipped));
        Assert.Equal((TimeSpan.FromDays(1), TimeSpan.FromDays(1), 1.0), (first.MedianTime, first.P90Time, first.OnTimeShare));
        // team-in after 2, 2 and 5 days: nearest-rank median the second, p90 the third.
        Assert.Equal((TimeSpan.FromDays(2), TimeSpan.FromDays(5), TimeSpan.FromDays(14)), (team.MedianTime, team.P90Time, team.Expected));
        Assert.Equal((TimeSpan.FromDays(3), TimeSpan.FromDays(4)), (self.MedianTime, self.P90Time));
        Assert.Equal([new LeavingPoint("first-report", 1)], report.Left);
    }

    [Fact]
    public void Measure_CountsGoingBackAsRepeatsBesideFitness()
    {
        // acme goes back to 'heard' twice after its diagnosis; beta goes straight through.
        var h = new History().Account("acme", "{}").Account("beta", "{}");
        h.At(0, "acme", "contract_signed").At(1, "acme", "webinar_attended").At(2, "acme", "assessment_done").At(3, "acme", "webinar_attended")
            .At(4, "acme", "webinar_attended");
        h.At(0, "beta", "contract_signed").At(1, "beta", "webinar_attended").At(2, "beta", "assessment_done").At(3, "beta", "plan_signed");

        var report = JourneyConformance.Measure(Maps.Diagnosis(), h.Batch(Maps.Diagnosis(), History.Day(10)));

        Assert.Equal(1, report.Repeating);
        Assert.Equal([1, 0, 0], report.Milestones.Select(m => m.Repeated));
        Assert.Equal([("acme", 2), ("beta", 0)], report.Fitness.OrderBy(f => f.Subject).Select(f => (f.Subject, f.Repeats)));
        // Going back is reported, not a break of the designed order: both instances keep fitness 1.
        Assert.Equal(1, report.MeanFitness);
        Assert.Equal(1, report.FollowingDesign);
    }

    [Fact]
    public void Drift_SaysWhatChangedMost()
    {
        var instances = Four().Batch(Maps.TeamOnboarding(), History.Day(20));

        var drift = JourneyDrift.Compare(Maps.TeamOnboarding(), [.. instances.Where(i => i.Subject == "acme")], [.. instances.Where(i => i.Subject == "beta")]);

        Assert.Equal("share following the designed order went from 100% to 0%", drift.Changes[0].Text);
        Assert.Contains(drift.Changes, c => c.Text == "median time to 'My team is in' went from 2 days to 5 days" && Math.Abs(c.Score - 0.6) < 1e-12);
        Assert.Equal("first-report → team-in → self-sufficient", Assert.Single(drift.A.Variants).Milestones);
        Assert.Equal("first-report → self-sufficient → team-in", Assert.Single(drift.B.Variants).Milestones);
    }
}
