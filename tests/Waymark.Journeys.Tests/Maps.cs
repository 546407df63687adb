using Waymark.Core.Journeys;

namespace Waymark.Journeys.Tests;

/// <summary>Journey maps for tests, read from YAML as users write them.</summary>
internal static class Maps
{
    public static JourneyMap Read(string yaml) => JourneyMapReader.Parse(yaml, "test.yaml").GetMapOrThrow();

    /// <summary>JOURNEY-MAPS.md's team onboarding, trimmed to what the tests exercise.</summary>
    public static JourneyMap TeamOnboarding(string extra = "") => Read($$"""
        format: 1
        id: team-onboarding
        name: Get the team productive
        perspective: customer
        goal: "Our whole team runs its weekly reporting without help"
        subject: account
        applies_to: { segment: [mid-market, enterprise] }
        starts_when: { event: contract_signed }
        abandons_when: { any: [ { event: churned }, { inactive_for: 60d } ] }
        {{extra}}
        milestones:
          - id: first-report
            name: "We saw our first real report"
            when: { event: report_viewed }
            expected_within: 7d
            value: { dimension: functional, amount: 1, unit: report }
          - id: team-in
            name: "My team is in"
            when: { event: user_invited, distinct: invitee_id, count: ">= 3" }
            expected_within: 14d
          - id: self-sufficient
            name: "We run weekly reporting ourselves"
            when:
              all:
                - { event: report_scheduled, where: { frequency: weekly } }
                - { event: report_viewed, count: ">= 3", within: 7d }
            expected_within: 45d
            value: { dimension: economic, amount: 2000, unit: USD/month }
        touchpoints:
          - id: kickoff
            name: Kickoff call
            owner: customer-success
            supports: [first-report]
            delivered_when: { event: meeting_held, where: { type: kickoff } }
        off_track_when:
          - { event: ticket_opened, where: { severity: critical } }
        contingencies:
          - id: first-report-late
            when: { milestone: first-report, overdue_by: 3d }
            do:
              - task: { title: "Call the champion", owner: customer-success, due_in: 2d }
          - id: stalled
            when: { status: stalled }
            do:
              - tag: at-risk
          - id: celebrate
            when: { milestone: team-in, reached: true }
            do:
              - notify: { to: customer-success, message: "The team is in" }
        """);

    /// <summary>Three milestones in a row, each one event, for the order of things and going back.</summary>
    public static JourneyMap Diagnosis() => Read("""
        format: 1
        id: diagnosis
        name: Know what hurts
        perspective: customer
        goal: "We know what is wrong and what fixes it"
        subject: account
        starts_when: { event: contract_signed }
        milestones:
          - id: heard
            name: "We heard of a better way"
            when: { event: webinar_attended }
          - id: diagnosed
            name: "We know what hurts"
            when: { event: assessment_done }
          - id: committed
            name: "We committed to the fix"
            when: { event: plan_signed }
        """);

    public static JourneyMap Renewal() => Read("""
        format: 1
        id: renewal
        name: Keep it for another year
        perspective: customer
        goal: "We renew knowing it paid off"
        subject: account
        starts_when: { event: renewal_due }
        repeat: true
        milestones:
          - id: renewed
            name: "We renewed"
            when: { event: renewed }
            expected_within: 30d
        """);

    public static JourneyMap BuyingMission() => Read("""
        format: 1
        id: buying
        name: Choose a platform
        perspective: customer
        goal: "We pick the platform our teams will trust"
        kind: buying-mission
        subject: account
        starts_when: { event: demo_requested }
        buying_group:
          roles: [economic-buyer, champion]
          engaged_within: 30d
        milestones:
          - id: rfp
            name: "Our requirements are out"
            when: { event: rfp_issued, by_role: economic-buyer }
            expected_within: 30d
          - id: signed
            name: "We signed"
            when: { event: contract_signed }
        """);
}
