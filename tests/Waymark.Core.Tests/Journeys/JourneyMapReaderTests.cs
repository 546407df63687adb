using Waymark.Core.Conditions;
using Waymark.Core.Journeys;

namespace Waymark.Core.Tests.Journeys;

public sealed class JourneyMapReaderTests
{
    /// <summary>The example of JOURNEY-MAPS.md, as written there.</summary>
    private const string DesignExample = """
        format: 1
        id: team-onboarding
        name: Get the team productive
        perspective: customer          # customer | vendor  (vendor maps are allowed, and labelled so)
        goal: "Our whole team runs its weekly reporting in the product without help"
        kind: continuous-improvement   # discovery | diagnosis | buying-mission | continuous-improvement | other
        subject: account               # account: events of all its people count | person
        applies_to:                    # who takes this journey (a cohort selector over traits)
          segment: [mid-market, enterprise]
          adoption_stage: main-street
        starts_when: { event: contract_signed }
        abandons_when: { any: [ { event: churned }, { inactive_for: 60d } ] }

        milestones:
          - id: first-report
            name: "We saw our first real report"      # in the customer's words
            when: { event: report_viewed }
            expected_within: 7d                       # from the journey's start
            owner: customer                           # who is accountable: customer | vendor | a department
            value: { dimension: functional, amount: 1, unit: report }
          - id: team-in
            name: "My team is in"
            after: [first-report]                     # default: the milestone above it; [] = any time
            when: { event: user_invited, distinct: invitee_id, count: ">= 5" }
            expected_within: 14d
            owner: customer
          - id: self-sufficient
            name: "We run weekly reporting ourselves"
            when:
              all:
                - { event: report_scheduled, where: { frequency: weekly } }
                - { event: report_viewed, count: ">= 3", within: 7d }
            expected_within: 45d
            value: { dimension: economic, amount: 2000, unit: USD/month, note: analyst hours saved }

        touchpoints:                                   # the vendor layer, serving the milestones
          - id: kickoff
            name: Kickoff call
            owner: customer-success
            channel: meeting
            supports: [first-report]
            delivered_when: { event: meeting_held, where: { type: kickoff } }

        off_track_when:                                # deviations from the designed path
          - { event: ticket_opened, where: { severity: critical } }
          - { event: seats_reduced }

        contingencies:
          - when: { milestone: first-report, overdue_by: 3d }
            do:
              - task: { title: "Call the champion and book a working session", owner: customer-success, due_in: 2d }
          - when: { status: stalled }
            do:
              - tag: at-risk
              - webhook: { url: "http://127.0.0.1:9000/hooks/stalled" }
        """;

    [Fact]
    public void DesignExample_ReadsEveryPart()
    {
        var result = JourneyMapReader.Parse(DesignExample, "team-onboarding.yaml");
        Assert.Empty(result.Errors);
        var map = result.Map!;
        Assert.Equal(("team-onboarding", Perspective.Customer, JourneyKind.ContinuousImprovement, JourneySubject.Account),
            (map.Id, map.Perspective, map.Kind, map.Subject));
        Assert.Equal("segment in [mid-market, enterprise] and adoption_stage = main-street", map.AppliesTo.ToString());
        Assert.Equal("contract_signed", map.StartsWhen.ToString());
        var abandons = Assert.IsType<AnyOf>(map.AbandonsWhen);
        Assert.Equal(new InactiveFor(TimeSpan.FromDays(60)), abandons.Conditions[1]);
        Assert.Equal(["first-report", "team-in", "self-sufficient"], map.Milestones.Select(m => m.Id));
        Assert.Equal(new JourneyValue(ValueDimension.Functional, 1, "report"), Assert.Single(map.Milestones[0].Value));
        var team = Assert.IsType<EventMatch>(map.Milestones[1].When);
        Assert.Equal((5, "invitee_id"), (team.MinCount, team.Distinct));
        Assert.Equal(["team-in"], map.Milestones[2].After);
        var weekly = Assert.IsType<AllOf>(map.Milestones[2].When);
        Assert.Equal(PropertyFilter.Equal("frequency", "weekly").ToString(), Assert.IsType<EventMatch>(weekly.Conditions[0]).Event.Where.Single().ToString());
        Assert.Equal((3, (TimeSpan?)TimeSpan.FromDays(7)), (((EventMatch)weekly.Conditions[1]).MinCount, ((EventMatch)weekly.Conditions[1]).Within));
        var kickoff = Assert.Single(map.Touchpoints);
        Assert.Equal((new Owner(OwnerSide.Vendor, "customer-success"), "meeting"), (kickoff.Owner, kickoff.Channel));
        Assert.Equal(2, map.OffTrackWhen.Count);
        Assert.Equal(new MilestoneOverdue("first-report", TimeSpan.FromDays(3)), map.Contingencies[0].When);
        Assert.Equal(new CreateTask("Call the champion and book a working session", new Owner(OwnerSide.Vendor, "customer-success"), TimeSpan.FromDays(2)),
            Assert.Single(map.Contingencies[0].Do));
        Assert.Equal(["contingency-1", "contingency-2"], map.Contingencies.Select(c => c.Id));
        Assert.Equal(new StatusEntered(JourneyStatus.Stalled), map.Contingencies[1].When);
        Assert.Equal([new AddTag("at-risk"), new CallWebhook(new Uri("http://127.0.0.1:9000/hooks/stalled"))], map.Contingencies[1].Do);
    }

    [Fact]
    public void SeveralMistakes_AreAllReported_InFileOrder()
    {
        var result = JourneyMapReader.Parse("""
            format: 1
            id: Bad Id
            name: Three mistakes
            perspective: customer
            goal: "We get there"
            starts_when: { event: contract_signed }
            milestones:
              - id: first
                name: First
                when: { event: report_viewed, count: lots }
                expected_within: soon
            """, "three.yaml");
        Assert.Null(result.Map);
        Assert.Equal(["three.yaml:2:5", "three.yaml:10:42", "three.yaml:11:22"], result.Errors.Select(e => e.Location.ToString()));
    }

    [Fact]
    public void VendorMap_IsAllowed_AndLabelled()
    {
        var map = Read("perspective: vendor", Milestones);
        Assert.True(map.IsVendorMap);
        Assert.Equal(Perspective.Vendor, map.Perspective);
    }

    [Fact]
    public void DefaultAfter_IsTheNearestMilestoneAbove_ThatIsNotOptional()
    {
        var map = Read("", """
            milestones:
              - { id: a, name: A, when: { event: demo_held } }
              - { id: b, name: B, when: { event: webinar_attended }, optional: true }
              - { id: c, name: C, when: { event: trial_started } }
              - { id: d, name: D, when: { event: proposal_sent }, after: [] }
              - { id: e, name: E, when: { event: contract_signed }, after: [b, d], expected_after: 14d }
            """);
        Assert.Equal(["", "a", "a", "", "b d"], map.Milestones.Select(m => string.Join(" ", m.After)));
        Assert.Equal(TimeSpan.FromDays(14), map.Milestones[4].ExpectedAfter);
        Assert.Equal(Owner.Customer, map.Milestones[0].Owner);
    }

    [Fact]
    public void WhereForms_BecomeFilters()
    {
        var map = Read("", """
            milestones:
              - id: a
                name: A
                when:
                  event: ticket_opened
                  where: { severity: [high, critical], priority: { gte: 2, lt: 5 }, topic: { ne: how-to }, escalated: { exists: true }, vip: { exists: false }, seats: 10 }
                  by_role: [champion, end-user]
            """);
        var when = Assert.IsType<EventMatch>(map.Milestones[0].When);
        Assert.Equal(
            "ticket_opened where severity in [high, critical] and priority >= 2 and priority < 5 and topic != how-to and escalated exists and vip missing and seats = 10 by champion or end-user",
            when.ToString());
    }

    [Theory]
    [InlineData("customer", "customer")]
    [InlineData("customer:champion", "customer:champion")]
    [InlineData("vendor", "vendor")]
    [InlineData("customer-success", "customer-success")]
    [InlineData("partner", "partner")]
    public void Owner_WrittenForms_RoundTrip(string written, string expected)
    {
        Assert.True(Owner.TryParse(written, out var owner));
        Assert.Equal(expected, owner.ToString());
    }

    [Theory]
    [InlineData("\">= 5\"", 5)]
    [InlineData("\"> 4\"", 5)]
    [InlineData("5", 5)]
    [InlineData("\">=1\"", 1)]
    public void Count_IsTheLeastNumberOfEvents(string written, int least)
    {
        var map = Read("", $$"""
            milestones:
              - { id: a, name: A, when: { event: session_started, count: {{written}} } }
            """);
        Assert.Equal(least, Assert.IsType<EventMatch>(map.Milestones[0].When).MinCount);
    }

    [Fact]
    public void ContingencyTriggers_AndActions_AreRead()
    {
        var map = Read("", Milestones + """
            contingencies:
              - id: celebrate
                when: { milestone: first, reached: true }
                do:
                  - notify: { to: sales, message: "Ready for an expansion conversation" }
              - when: { event: competitor_outreach }
                do:
                  - task: { title: "Book an executive call", owner: "customer:economic-buyer", due_in: 1d12h, note: "Mutual plan" }
            """);
        Assert.Equal(new MilestoneReached("first"), map.Contingencies[0].When);
        Assert.Equal(new Notify("sales", "Ready for an expansion conversation"), map.Contingencies[0].Do[0]);
        Assert.Equal("competitor_outreach", Assert.IsType<ConditionMet>(map.Contingencies[1].When).Condition.ToString());
        var task = Assert.IsType<CreateTask>(map.Contingencies[1].Do[0]);
        Assert.Equal(("customer:economic-buyer", TimeSpan.FromHours(36)), (task.Owner.ToString(), task.DueIn));
    }

    private const string Milestones = """
        milestones:
          - { id: first, name: First, when: { event: report_viewed }, expected_within: 7d }

        """;

    private static JourneyMap Read(string extra, string milestones)
    {
        var perspective = extra.Contains("perspective", StringComparison.Ordinal) ? extra : "perspective: customer\n" + extra;
        var text = "format: 1\nid: test\nname: Test\n" + perspective + "\ngoal: \"We get there\"\nstarts_when: { event: contract_signed }\n" + milestones;
        var result = JourneyMapReader.Parse(text, "test.yaml");
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        return result.Map!;
    }
}
