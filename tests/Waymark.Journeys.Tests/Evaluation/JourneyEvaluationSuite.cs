using Waymark.Core.Journeys;
using Waymark.Core.Model;
using Waymark.Journeys.Instances;

namespace Waymark.Journeys.Tests.Evaluation;

/// <summary>
/// What a journey instance must say, worked out by hand from JOURNEY-MAPS.md's rules; run against
/// batch evaluation and against the tracker (<see cref="BatchEvaluationTests"/>, <see cref="TrackerEvaluationTests"/>).
/// Day N is N days after 2026-01-01 00:00 UTC.
/// </summary>
public abstract class JourneyEvaluationSuite
{
    private static readonly string Enterprise = """{"segment":"enterprise"}""";

    internal abstract IReadOnlyList<JourneyInstance> Evaluate(History history, JourneyMap map, DateTime at);

    private static History Acme() => new History().Account("acme", Enterprise);

    private JourneyInstance Single(History history, JourneyMap map, double day) => Assert.Single(Evaluate(history, map, History.Day(day)));

    [Fact]
    public void OverdueFrontierMilestoneWithRecentActivity_IsAtRiskWithTheReasonInWords()
    {
        var history = Acme().At(0, "acme", "contract_signed").At(1, "acme", "report_viewed")
            .At(10, "acme", "user_invited", """{"invitee_id":"a"}""").At(12, "acme", "user_invited", """{"invitee_id":"b"}""");

        var instance = Single(history, Maps.TeamOnboarding(), 20);

        Assert.Equal(JourneyStatus.AtRisk, instance.Status);
        Assert.Equal("milestone 'My team is in' is 6 days overdue; expected within 14 days of the start", instance.Reason);
        Assert.Equal(History.Day(14).AddMilliseconds(1), instance.StatusSince);
        Assert.Equal(History.Day(1), instance.Milestones[0].ReachedAt);
        Assert.Null(instance.Milestones[1].ReachedAt);
        Assert.Equal(History.Day(14), instance.Milestones[1].DueAt);
        Assert.Equal(History.Day(1), instance.ProgressAt);
        Assert.Equal([new JourneyValue(ValueDimension.Functional, 1, "report")], instance.ValueRealized);
    }

    [Fact]
    public void NoProgressOrActivityLongerThanTheFrontiersInterval_IsStalledAndFiresOnce()
    {
        var history = Acme().At(0, "acme", "contract_signed").At(2, "acme", "page_viewed");

        var instance = Single(history, Maps.TeamOnboarding(), 8);

        // page_viewed is no activity: no frontier milestone names it. stall_after = 7d (first-report's interval).
        Assert.Equal(JourneyStatus.Stalled, instance.Status);
        Assert.Equal("no progress or activity towards 'We saw our first real report' for 8 days, since 2026-01-01; stalls after 7 days", instance.Reason);
        var firing = Assert.Single(instance.Firings);
        Assert.Equal("stalled", firing.ContingencyId);
        Assert.Equal(History.Day(7).AddMilliseconds(1), firing.At);
    }

    [Fact]
    public void MilestoneOverdueByThreeDays_FiresItsContingencyAtThatTime()
    {
        var history = Acme().At(0, "acme", "contract_signed").At(6, "acme", "report_viewed", person: "acme-q").At(11, "acme", "report_viewed");

        var instance = Single(history, Maps.TeamOnboarding(), 12);

        // Activity on day 6 keeps it from stalling; first-report is due day 7 and still not reached? No: report_viewed reaches it on day 6.
        Assert.Equal(History.Day(6), instance.Milestones[0].ReachedAt);
        Assert.DoesNotContain(instance.Firings, f => f.ContingencyId == "first-report-late");

        var late = Acme().At(0, "acme", "contract_signed").At(5, "acme", "user_invited", """{"invitee_id":"a"}""").At(11, "acme", "report_viewed");
        var overdue = Single(late, Maps.TeamOnboarding(), 12);
        var firing = Assert.Single(overdue.Firings, f => f.ContingencyId == "first-report-late");
        Assert.Equal(History.Day(10).AddMilliseconds(1), firing.At);
        Assert.Equal("milestone 'We saw our first real report' not reached 3 days after it was due on 2026-01-08", firing.Reason);
        Assert.Equal(History.Day(11), overdue.Milestones[0].ReachedAt);
    }

    [Fact]
    public void CriticalTicketAfterTheLatestProgress_IsOffTrackUntilTheNextMilestone()
    {
        var history = Acme().At(0, "acme", "contract_signed").At(1, "acme", "report_viewed")
            .At(2, "acme", "ticket_opened", """{"severity":"critical"}""").At(2.5, "acme", "ticket_opened", """{"severity":"low"}""");

        var offTrack = Single(history, Maps.TeamOnboarding(), 3);
        Assert.Equal(JourneyStatus.OffTrack, offTrack.Status);
        Assert.Equal("ticket_opened where severity = critical on 2026-01-03, after the latest progress on 2026-01-02", offTrack.Reason);
        Assert.Equal(History.Day(2), offTrack.StatusSince);

        history.At(4, "acme", "user_invited", """{"invitee_id":"a"}""").At(4, "acme", "user_invited", """{"invitee_id":"b"}""")
            .At(4, "acme", "user_invited", """{"invitee_id":"a"}""").At(4, "acme", "user_invited", """{"invitee_id":"c"}""");
        var back = Single(history, Maps.TeamOnboarding(), 5);
        Assert.Equal(JourneyStatus.OnTrack, back.Status);
        Assert.Equal(History.Day(4), back.Milestones[1].ReachedAt);
        Assert.Equal(History.Day(4), back.StatusSince);
        Assert.Equal("next: 'We run weekly reporting ourselves', due 2026-02-15 (in 40 days); expected within 45 days of the start", back.Reason);
        var celebrate = Assert.Single(back.Firings, f => f.ContingencyId == "celebrate");
        Assert.Equal(History.Day(4), celebrate.At);
    }

    [Fact]
    public void EveryRequiredMilestoneReached_CompletesWithTheValueRealized()
    {
        var history = Acme().At(0, "acme", "contract_signed").At(0.5, "acme", "meeting_held", """{"type":"kickoff"}""").At(1, "acme", "report_viewed")
            .At(2, "acme", "user_invited", """{"invitee_id":"a"}""").At(2, "acme", "user_invited", """{"invitee_id":"b"}""").At(2, "acme", "user_invited", """{"invitee_id":"c"}""")
            .At(3, "acme", "report_scheduled", """{"frequency":"weekly"}""").At(3, "acme", "report_viewed").At(5, "acme", "report_viewed")
            .At(30, "acme", "report_viewed");

        var instance = Single(history, Maps.TeamOnboarding(), 40);

        // Views on days 1, 3 and 5 fit in 7 days: the all-of holds on day 5, with the weekly schedule from day 3.
        Assert.Equal(JourneyStatus.Completed, instance.Status);
        Assert.Equal(History.Day(5), instance.End);
        Assert.Equal("every required milestone is reached; the last, 'We run weekly reporting ourselves', on 2026-01-06, 5 days after the start", instance.Reason);
        Assert.Equal([History.Day(0.5)], instance.Touchpoints);
        Assert.Equal(
            [new JourneyValue(ValueDimension.Functional, 1, "report"), new JourneyValue(ValueDimension.Economic, 2000, "USD/month")],
            instance.ValueRealized);
        Assert.All(instance.Milestones, m => Assert.False(m.OutOfOrder));
    }

    [Fact]
    public void ViewsTooFarApart_DoNotMakeTheWindowedCount()
    {
        var history = Acme().At(0, "acme", "contract_signed").At(1, "acme", "report_viewed").At(5, "acme", "report_scheduled", """{"frequency":"weekly"}""")
            .At(6, "acme", "report_viewed").At(9, "acme", "report_viewed").At(14, "acme", "report_viewed");

        var instance = Single(history, Maps.TeamOnboarding(), 15);

        // 1, 6, 9: 8 days apart; 6, 9, 14: 8 days apart. Never three within 7 days.
        Assert.Null(instance.Milestones[2].ReachedAt);
    }

    [Fact]
    public void MilestoneReachedBeforeItsAfterMilestones_CountsAndIsOutOfOrder()
    {
        var history = Acme().At(0, "acme", "contract_signed").At(1, "acme", "report_viewed").At(2, "acme", "report_viewed")
            .At(2, "acme", "report_scheduled", """{"frequency":"weekly"}""").At(3, "acme", "report_viewed");

        var instance = Single(history, Maps.TeamOnboarding(), 4);

        Assert.Equal(History.Day(3), instance.Milestones[2].ReachedAt);
        Assert.True(instance.Milestones[2].OutOfOrder);
        Assert.False(instance.Milestones[0].OutOfOrder);
        Assert.True(instance.IsOpen);
    }

    [Fact]
    public void GoingBackToAMilestoneAfterALaterOne_CountsOneRepeatPerInstant()
    {
        // heard → diagnosed → committed. A webinar on day 2 shares its instant with the assessment that
        // reaches 'diagnosed': not a repeat. Webinars on days 3 (twice) and 5 go back to 'heard': two instants.
        // The assessment on day 4 goes back to nothing: only 'committed', still to reach, is designed after it.
        var history = Acme().At(0, "acme", "contract_signed").At(1, "acme", "webinar_attended").At(2, "acme", "assessment_done")
            .At(2, "acme", "webinar_attended").At(3, "acme", "webinar_attended").At(3, "acme", "webinar_attended").At(4, "acme", "assessment_done")
            .At(5, "acme", "webinar_attended");

        var instance = Single(history, Maps.Diagnosis(), 6);

        Assert.Equal([2, 0, 0], instance.Milestones.Select(m => m.Repeats));
        Assert.Equal(History.Day(2), instance.Milestones[1].ReachedAt);
    }

    [Fact]
    public void AnEventThatCountsTowardsAMilestoneStillToReach_IsNoRepeat()
    {
        // After 'team-in' on day 2, report views count towards 'self-sufficient' (three within 7 days): progress, not a repeat of 'first-report'.
        var history = Acme().At(0, "acme", "contract_signed").At(1, "acme", "report_viewed")
            .At(2, "acme", "user_invited", """{"invitee_id":"a"}""").At(2, "acme", "user_invited", """{"invitee_id":"b"}""").At(2, "acme", "user_invited", """{"invitee_id":"c"}""")
            .At(3, "acme", "report_viewed").At(20, "acme", "report_viewed");

        var instance = Single(history, Maps.TeamOnboarding(), 21);

        Assert.Equal(History.Day(2), instance.Milestones[1].ReachedAt);
        Assert.All(instance.Milestones, m => Assert.Equal(0, m.Repeats));
    }

    [Fact]
    public void NoEventForSixtyDays_AbandonsAtTheEndOfTheGap()
    {
        var history = Acme().At(0, "acme", "contract_signed").At(1, "acme", "report_viewed");

        var instance = Single(history, Maps.TeamOnboarding(), 70);

        Assert.Equal(JourneyStatus.Abandoned, instance.Status);
        Assert.Equal(History.Day(61), instance.End);
        Assert.Equal("abandoned on 2026-03-03: no activity for 60 days after 2026-01-02", instance.Reason);
        Assert.Equal(["stalled"], instance.Firings.Select(f => f.ContingencyId));
        Assert.Equal(History.Day(15).AddMilliseconds(1), instance.Firings[0].At);
    }

    [Fact]
    public void EventAfterTheGap_DoesNotReopenTheAbandonedInstance()
    {
        var history = Acme().At(0, "acme", "contract_signed").At(61.5, "acme", "report_viewed");

        var instance = Single(history, Maps.TeamOnboarding(), 70);

        Assert.Equal(History.Day(60), instance.End);
        Assert.Null(instance.Milestones[0].ReachedAt);
    }

    [Fact]
    public void ChurnEvent_Abandons()
    {
        var history = Acme().At(0, "acme", "contract_signed").At(3, "acme", "churned");

        var instance = Single(history, Maps.TeamOnboarding(), 4);

        Assert.Equal(JourneyStatus.Abandoned, instance.Status);
        Assert.Equal("abandoned on 2026-01-04: churned", instance.Reason);
    }

    [Fact]
    public void AccountOutsideAppliesTo_HasNoInstance()
    {
        var history = new History().Account("tiny", """{"segment":"smb"}""").At(0, "tiny", "contract_signed");

        Assert.Empty(Evaluate(history, Maps.TeamOnboarding(), History.Day(1)));
    }

    [Fact]
    public void StartAndMilestoneAtTheSameInstant_ReachesTheMilestoneAtTheStart()
    {
        var history = Acme().At(0, "acme", "report_viewed").At(0, "acme", "contract_signed");

        var instance = Single(history, Maps.TeamOnboarding(), 1);

        Assert.Equal(History.Day(0), instance.Milestones[0].ReachedAt);
    }

    [Fact]
    public void RepeatingJourney_StartsAgainAfterItEnds()
    {
        var history = Acme().At(0, "acme", "renewal_due").At(0, "acme", "renewal_due").At(20, "acme", "renewed")
            .At(365, "acme", "renewal_due").At(380, "acme", "renewal_due");

        var instances = Evaluate(history, Maps.Renewal(), History.Day(400));

        Assert.Equal(2, instances.Count);
        Assert.Equal((JourneyStatus.Completed, History.Day(0), History.Day(20)), (instances[0].Status, instances[0].Start, instances[0].End!.Value));
        // The second renewal_due is no activity (it names no frontier milestone): 35 days without any exceeds renewed's 30.
        Assert.Equal((2, History.Day(365), JourneyStatus.Stalled), (instances[1].Number, instances[1].Start, instances[1].Status));
        Assert.Equal(History.Day(395).AddMilliseconds(1), instances[1].StatusSince);
    }

    [Fact]
    public void ByRole_CountsOnlyThosePeople_AndTheBuyingGroupShowsWhoIsEngaged()
    {
        var history = new History().Account("acme", "{}")
            .Person("eve", "acme", "{}", Role.EndUser).Person("bob", "acme", "{}", Role.EconomicBuyer).Person("cat", "acme", "{}", Role.Champion)
            .At(0, "acme", "demo_requested", person: "cat").At(2, "acme", "rfp_issued", person: "eve").At(9, "acme", "rfp_issued", person: "bob");

        var instance = Single(history, Maps.BuyingMission(), 35);

        Assert.Equal(History.Day(9), instance.Milestones[0].ReachedAt);
        Assert.Equal(
            [new RoleEngagement(Role.EconomicBuyer, History.Day(9), true), new RoleEngagement(Role.Champion, History.Day(0), false)],
            instance.BuyingGroup);
    }
}

public sealed class BatchEvaluationTests : JourneyEvaluationSuite
{
    internal override IReadOnlyList<JourneyInstance> Evaluate(History history, JourneyMap map, DateTime at) => history.Batch(map, at);
}

public sealed class TrackerEvaluationTests : JourneyEvaluationSuite
{
    internal override IReadOnlyList<JourneyInstance> Evaluate(History history, JourneyMap map, DateTime at) => history.Tracked(map, at);
}

public sealed class ReversedTrackerEvaluationTests : JourneyEvaluationSuite
{
    // Every event after the first arrives late.
    internal override IReadOnlyList<JourneyInstance> Evaluate(History history, JourneyMap map, DateTime at) =>
        history.Tracked(map, at, Enumerable.Reverse(history.Events));
}
