using Waymark.Core.Journeys;
using Waymark.Core.Model;
using Waymark.Journeys.Compilation;
using Waymark.Journeys.Instances;
using Waymark.Journeys.Tracking;

namespace Waymark.App.Tests.Journeys;

/// <summary>A small journey with every kind of contingency action, and its real instances from the tracker.</summary>
internal static class SomeJourney
{
    public static readonly DateTime Day0 = new(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc);

    public static JourneyMap Map(string hook = "http://127.0.0.1:9/hooks/overdue")
    {
        var result = JourneyMapReader.Parse($$"""
            format: 1
            id: team-onboarding
            name: Get the team productive
            perspective: customer
            goal: "Our team runs weekly reporting without help"
            starts_when: { event: contract_signed }
            milestones:
              - { id: first-report, name: We saw our first report, when: { event: report_viewed }, expected_within: 7d }
            contingencies:
              - id: call-champion
                when: { milestone: first-report, overdue_by: 3d }
                do:
                  - task: { title: "Call the champion", owner: customer-success, due_in: 2d, note: "book a working session" }
                  - tag: at-risk
                  - notify: { to: sales, message: "First report overdue" }
                  - webhook: { url: "{{hook}}" }
              - id: celebrate
                when: { milestone: first-report, reached: true }
                do:
                  - notify: { to: customer-success, message: "First report seen" }
            """, "team-onboarding.yaml");
        return result.Map ?? throw new InvalidOperationException(string.Join("\n", result.Errors));
    }

    public static Event Event(string account, string name, double day) => new()
    {
        MessageId = $"{account}-{name}-{day}",
        Timestamp = Day0.AddDays(day),
        AccountId = account,
        PersonId = account + "-p1",
        Name = name,
        Actor = Actor.Customer,
    };

    /// <summary>The instances of <paramref name="map"/> over <paramref name="events"/> at day <paramref name="atDay"/>, from the live tracker.</summary>
    public static IReadOnlyList<JourneyInstance> Instances(JourneyMap map, double atDay, params Event[] events)
    {
        var tracker = new JourneyTracker([CompiledJourney.Compile(map)], new SubjectDirectory());
        foreach (var e in events)
        {
            tracker.Track(e);
        }

        return tracker.Instances(Day0.AddDays(atDay));
    }
}
