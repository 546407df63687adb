using Waymark.Core.Ingest;
using Waymark.Core.Model;

namespace Waymark.Simulation.Tests;

/// <summary>The tests that share one <see cref="PopulationFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class PopulationCollection : ICollectionFixture<PopulationFixture>
{
    public const string Name = "population";
}

/// <summary>
/// One run of a few thousand accounts, summarised per account from the events alone (never
/// from the simulator's internals), shared by the tests that check drivers and ground truth.
/// </summary>
public sealed class PopulationFixture : IMessageSink
{
    public PopulationFixture()
    {
        Simulator = new CompanySimulator(new SimulationOptions { Seed = 2025, Accounts = 5000 });
        Simulator.Run(this);
    }

    public CompanySimulator Simulator { get; }

    public IReadOnlyList<AccountTruth> Truth => Simulator.GroundTruth.Accounts;

    public Dictionary<string, Seen> Accounts { get; } = new(StringComparer.Ordinal);

    public Seen Of(AccountTruth truth) => Accounts.TryGetValue(truth.AccountId, out var seen) ? seen : new Seen();

    /// <summary>The champion's person id per account, from group messages.</summary>
    public Dictionary<string, string> Champions { get; } = new(StringComparer.Ordinal);

    /// <summary>The time of each person's last event.</summary>
    public Dictionary<string, DateTime> LastEventOf { get; } = new(StringComparer.Ordinal);

    void IMessageSink.Write(MessageBatch batch)
    {
        foreach (var g in batch.Profiles.OfType<GroupMessage>().Where(g => g.Roles.Contains("champion")))
        {
            Champions[g.AccountId] = g.PersonId!;
        }

        foreach (var e in batch.Events)
        {
            if (e.PersonId is not null && (!LastEventOf.TryGetValue(e.PersonId, out var last) || last < e.Timestamp))
            {
                LastEventOf[e.PersonId] = e.Timestamp;
            }

            if (e.AccountId is null)
            {
                continue;
            }

            if (!Accounts.TryGetValue(e.AccountId, out var seen))
            {
                Accounts[e.AccountId] = seen = new Seen();
            }

            seen.Add(e);
        }
    }

    /// <summary>What the events of one account show.</summary>
    public sealed class Seen
    {
        public Dictionary<string, int> Counts { get; } = new(StringComparer.Ordinal);

        public DateTime? Signed { get; private set; }

        public DateTime? FirstReportAfterSigning { get; private set; }

        public DateTime? Churned { get; private set; }

        public string? LostTo { get; private set; }

        public List<int> NpsScores { get; } = [];

        public int Count(string name) => Counts.GetValueOrDefault(name);

        public void Add(Event e)
        {
            Counts[e.Name] = Count(e.Name) + 1;
            switch (e.Name)
            {
                case "contract_signed":
                    Signed = e.Timestamp;
                    break;
                case "report_viewed" when Signed is { } s && s <= e.Timestamp && FirstReportAfterSigning is null:
                    FirstReportAfterSigning = e.Timestamp;
                    break;
                case "churned":
                    Churned = e.Timestamp;
                    break;
                case "deal_lost":
                    using (var doc = e.Properties.ToDocument())
                    {
                        LostTo = doc.RootElement.GetProperty("competitor").GetString();
                    }

                    break;
                case "nps_submitted":
                    NpsScores.Add((int)e.Value!.Value);
                    break;
            }
        }
    }
}
