using System.Text.Json;
using Waymark.Core.Journeys;
using Waymark.Journeys.Instances;
using Waymark.Simulation;
using Waymark.Tests;

namespace Waymark.Journeys.Tests.Tracking;

/// <summary>
/// Batch evaluation and the tracker give the same instances whatever order events arrive in: random
/// histories (ties, late events, repeats, every status) in random arrival orders, and a simulated
/// company's events, shuffled, through every example map.
/// </summary>
public sealed class ArrivalOrderTests
{
    private static readonly string[] Names =
        ["contract_signed", "report_viewed", "user_invited", "report_scheduled", "ticket_opened", "churned", "meeting_held", "page_viewed", "renewal_due", "renewed"];

    [Fact]
    public void RandomHistories_InTenThousandArrivalOrders_GiveTheBatchInstances()
    {
        var maps = new[] { Maps.TeamOnboarding(), Maps.TeamOnboarding("stall_after: 3d").WithId("short-stall"), Maps.Renewal() };
        var random = new Random(20261123);
        var orders = 0;
        var statuses = new HashSet<JourneyStatus>();
        for (var h = 0; h < 1000; h++)
        {
            var history = RandomHistory(random);
            var at = History.Day(history.Events.Max(e => (e.Timestamp - History.Day0).TotalDays) + random.Next(0, 40));
            var expected = History.Sorted(maps.SelectMany(m => history.Batch(m, at)));
            statuses.UnionWith(expected.Select(i => i.Status));
            var want = Describe(expected);
            for (var o = 0; o < 10; o++, orders++)
            {
                var order = history.Events.OrderBy(_ => random.Next()).ToList();
                // Odd orders arrive as one batch, taken in on two workers when it is large enough.
                var got = Describe(History.Sorted(history.Tracker(maps, order, batch: o % 2 == 0 ? 1 : order.Count).Instances(at)));
                Assert.True(want == got, $"history {h}, order {o}:\nbatch:   {want}\ntracker: {got}");
            }
        }

        Assert.Equal(10_000, orders);
        // The histories reach every status, so every rule was compared.
        Assert.Equal(Enum.GetValues<JourneyStatus>().ToHashSet(), statuses);
    }

    [Fact]
    public void SimulatedCompany_ShuffledThroughEveryExampleMap_GivesTheBatchInstances()
    {
        var history = new History();
        new CompanySimulator(new SimulationOptions { Seed = 7, Accounts = 60 }).Run(history);
        var maps = ExampleMaps();
        var at = history.Events.Max(e => e.Timestamp).AddDays(1);
        var expected = History.Sorted(maps.SelectMany(m => history.Batch(m, at)));
        Assert.True(expected.Count > 50, $"only {expected.Count} instances");

        var random = new Random(5);
        // Mostly in time order with some events held back, as a live feed delivers them; then fully shuffled.
        var nearlyOrdered = history.Events.OrderBy(e => e.Timestamp.AddHours(random.Next(0, 10) == 0 ? random.Next(0, 24 * 30) : 0)).ToList();
        var shuffled = history.Events.OrderBy(_ => random.Next()).ToList();
        foreach (var (order, batch) in new[] { (history.Events, 1), (nearlyOrdered, 1), (shuffled, 1), (nearlyOrdered, 500), (shuffled, 777) })
        {
            var got = History.Sorted(history.Tracker(maps, order, batch).Instances(at));
            Assert.Equal(Describe(expected), Describe(got));
        }
    }

    internal static IReadOnlyList<JourneyMap> ExampleMaps() =>
        [.. Directory.GetFiles(RepositoryFolder.Journeys, "*.yaml").Order(StringComparer.Ordinal)
            .Select(f => JourneyMapReader.ReadFile(f).GetMapOrThrow())];

    private static History RandomHistory(Random random)
    {
        var history = new History();
        var accounts = random.Next(1, 4);
        for (var a = 0; a < accounts; a++)
        {
            var id = $"a{a}";
            history.Account(id, random.Next(5) == 0 ? """{"segment":"smb"}""" : """{"segment":"enterprise"}""");
            var count = random.Next(1, 45);
            for (var e = 0; e < count; e++)
            {
                // Whole days and a few hours apart, so ties and same-day events are common.
                var day = random.Next(0, 90) + (random.Next(3) * 0.25);
                var name = Names[random.Next(Names.Length)];
                var properties = name switch
                {
                    "user_invited" => $$"""{"invitee_id":"i{{random.Next(5)}}"}""",
                    "report_scheduled" => random.Next(2) == 0 ? """{"frequency":"weekly"}""" : """{"frequency":"daily"}""",
                    "ticket_opened" => random.Next(2) == 0 ? """{"severity":"critical"}""" : """{"severity":"low"}""",
                    "meeting_held" => """{"type":"kickoff"}""",
                    _ => "{}",
                };
                history.At(day, id, name, properties);
            }
        }

        return history;
    }

    private static string Describe(IEnumerable<JourneyInstance> instances) => JsonSerializer.Serialize(instances.ToList());
}
