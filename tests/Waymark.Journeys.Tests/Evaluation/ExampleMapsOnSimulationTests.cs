using Waymark.Core.Journeys;
using Waymark.Journeys.Instances;
using Waymark.Journeys.Tests.Tracking;
using Waymark.Simulation;

namespace Waymark.Journeys.Tests.Evaluation;

/// <summary>
/// The example maps on a simulated company: each reaches every status its rules allow, and the
/// simulator's hidden drivers show through (slow first value is over-represented among stalled onboardings).
/// </summary>
public sealed class ExampleMapsOnSimulationTests
{
    private static readonly Lazy<(History History, GroundTruth Truth)> Company = new(() =>
    {
        var history = new History();
        var simulator = new CompanySimulator(new SimulationOptions { Seed = 11, Accounts = 1500, Duration = TimeSpan.FromDays(730) });
        simulator.Run(history);
        return (history, simulator.GroundTruth);
    });

    [Fact]
    public void EveryExampleMap_ReachesEachStatusItsRulesAllow_OverTwoYears()
    {
        var (history, _) = Company.Value;
        var report = new List<string>();
        foreach (var map in ArrivalOrderTests.ExampleMaps())
        {
            var seen = new HashSet<JourneyStatus>();
            for (var month = 1; month <= 24; month++)
            {
                seen.UnionWith(history.Batch(map, new DateTime(2025, 1, 28, 0, 0, 0, DateTimeKind.Utc).AddMonths(month - 1)).Select(i => i.Status));
            }

            var missing = Reachable(map).Except(seen).ToList();
            if (missing.Count > 0)
            {
                report.Add($"{map.Id}: never {string.Join(", ", missing.Select(JourneyNames.Of))}");
            }
        }

        Assert.True(report.Count == 0, string.Join("\n", report));
    }

    [Fact]
    public void SlowFirstValue_IsOverRepresentedAmongStalledOnboardings()
    {
        var (history, truth) = Company.Value;
        var onboarding = ArrivalOrderTests.ExampleMaps().Single(m => m.Id == "onboarding");
        var instances = history.Batch(onboarding, new DateTime(2027, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        var slow = truth.Accounts.Where(a => a.Drivers.TimeToFirstValue == FirstValueSpeed.Slow).Select(a => a.AccountId).ToHashSet();
        var stalled = instances.Where(EverStalled).ToList();

        var shareAll = instances.Count(i => slow.Contains(i.Subject)) / (double)instances.Count;
        var shareStalled = stalled.Count(i => slow.Contains(i.Subject)) / (double)stalled.Count;

        Assert.True(stalled.Count >= 30, $"only {stalled.Count} stalled onboardings of {instances.Count}");
        Assert.True(shareStalled >= 1.3 * shareAll, $"slow first value: {shareStalled:P0} of stalled onboardings, {shareAll:P0} of all {instances.Count}");
    }

    private static bool EverStalled(JourneyInstance instance) =>
        instance.Status == JourneyStatus.Stalled || instance.Firings.Any(f => f.Reason.StartsWith("status became stalled", StringComparison.Ordinal));

    /// <summary>The statuses a map's rules allow: completed always; the others only with the rule that makes them.</summary>
    private static IEnumerable<JourneyStatus> Reachable(JourneyMap map)
    {
        yield return JourneyStatus.Completed;
        yield return JourneyStatus.OnTrack;
        if (map.AbandonsWhen is not null)
        {
            yield return JourneyStatus.Abandoned;
        }

        if (map.OffTrackWhen.Count > 0)
        {
            yield return JourneyStatus.OffTrack;
        }

        if (map.Milestones.Any(m => !m.Optional && (m.ExpectedWithin ?? m.ExpectedAfter) is not null))
        {
            yield return JourneyStatus.AtRisk;
            yield return JourneyStatus.Stalled;
        }
    }
}
