using System.Text.Json;

namespace Waymark.Simulation.Tests;

/// <summary>The ground truth must say exactly what the events show, account by account.</summary>
[Collection(PopulationCollection.Name)]
public sealed class GroundTruthTests(PopulationFixture population)
{
    [Fact]
    public void Churned_ExactlyWhenChurnedEventAtThatTime()
    {
        Assert.Contains(population.Truth, a => a.Churned);
        Assert.All(population.Truth, a => Assert.Equal(a.ChurnedAt, population.Of(a).Churned));
        Assert.All(population.Truth, a => Assert.Equal(a.Churned, population.Of(a).Count("churned") == 1));
    }

    [Fact]
    public void SignedInPeriod_ExactlyWhenContractSignedEvent()
    {
        Assert.All(population.Truth.Where(a => !a.CustomerAtStart), a => Assert.Equal(a.SignedAt, population.Of(a).Signed));
        Assert.All(population.Truth.Where(a => a.CustomerAtStart), a => Assert.True(a.SignedAt < population.Simulator.GroundTruth.Options.Start));
        Assert.All(population.Truth.Where(a => a.CustomerAtStart), a => Assert.Equal(0, population.Of(a).Count("contract_signed")));
    }

    [Fact]
    public void FirstValue_IsFirstReportViewedAfterSigning()
    {
        var withValue = population.Truth.Where(a => !a.CustomerAtStart && a.Bought).ToList();

        Assert.Contains(withValue, a => a.FirstValueAt is not null);
        Assert.All(withValue, a => Assert.Equal(a.FirstValueAt, population.Of(a).FirstReportAfterSigning));
    }

    [Fact]
    public void LostDeals_NamedCompetitorAndNeverBought()
    {
        var lost = population.Truth.Where(a => a.LostTo is not null).ToList();

        Assert.True(lost.Count > 200);
        Assert.All(lost, a => Assert.False(a.Bought));
        Assert.All(population.Truth, a => Assert.Equal(a.LostTo, population.Of(a).LostTo));
    }

    [Fact]
    public void ExpandedAndContracted_MatchTheirEvents()
    {
        Assert.All(population.Truth, a => Assert.Equal(a.Expanded,
            population.Of(a).Count("seats_added") + population.Of(a).Count("plan_upgraded") > 0));
        Assert.All(population.Truth, a => Assert.Equal(a.Contracted,
            population.Of(a).Count("seats_reduced") + population.Of(a).Count("plan_downgraded") > 0));
    }

    [Fact]
    public void LostChampion_NoEventsOfTheChampionAfterLeaving()
    {
        var left = population.Truth.Where(a => a.Drivers.ChampionLostAt < population.Simulator.GroundTruth.Options.Start.AddDays(300)
            && population.Champions.ContainsKey(a.AccountId)).ToList();

        Assert.True(left.Count > 100, $"only {left.Count} champions left");
        Assert.All(left, a => Assert.Equal(a.ChampionId, population.Champions[a.AccountId]));
        Assert.All(left, a => Assert.True(
            population.LastEventOf.GetValueOrDefault(population.Champions[a.AccountId]) < a.Drivers.ChampionLostAt,
            $"champion of {a.AccountId} acted after leaving at {a.Drivers.ChampionLostAt:O}"));
    }

    [Fact]
    public void WrittenJson_HoldsEveryAccountWithDriversAndOutcomes()
    {
        using var stream = new MemoryStream();
        population.Simulator.WriteGroundTruth(stream);
        using var json = JsonDocument.Parse(stream.ToArray());
        var root = json.RootElement;
        var accounts = root.GetProperty("accounts");
        var first = accounts[0];
        var truth = population.Truth[0];

        Assert.Equal(1, root.GetProperty("format").GetInt32());
        Assert.Equal(2025UL, root.GetProperty("seed").GetUInt64());
        Assert.Equal("2025-01-01T00:00:00.000Z", root.GetProperty("start").GetString());
        Assert.Equal("2026-01-01T00:00:00.000Z", root.GetProperty("end").GetString());
        Assert.Equal(population.Truth.Count, accounts.GetArrayLength());
        Assert.Equal(truth.AccountId, first.GetProperty("account_id").GetString());
        Assert.Equal(truth.Drivers.TimeToFirstValue == FirstValueSpeed.Fast ? "fast" : "slow",
            first.GetProperty("drivers").GetProperty("time_to_first_value").GetString());
        Assert.Equal(truth.Churned, first.GetProperty("outcome").GetProperty("churned").GetBoolean());
        Assert.Equal(truth.Events, first.GetProperty("outcome").GetProperty("events").GetInt32());
        Assert.Equal(truth.ChampionId, first.GetProperty("drivers").GetProperty("champion_id").GetString());
        Assert.Contains(accounts.EnumerateArray(), a => a.GetProperty("outcome").GetProperty("days_to_first_value").ValueKind == JsonValueKind.Number);
        Assert.Equal(population.Truth.Count(a => a.Churned),
            accounts.EnumerateArray().Count(a => a.GetProperty("outcome").GetProperty("churned").GetBoolean()));
    }
}
