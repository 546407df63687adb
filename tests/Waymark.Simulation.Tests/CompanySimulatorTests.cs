using Waymark.Core.Model;

namespace Waymark.Simulation.Tests;

public sealed class CompanySimulatorTests
{
    [Fact]
    public void SameSeedTwice_IdenticalMessages()
    {
        var first = new HashingSink();
        var second = new HashingSink();
        new CompanySimulator(Some.Options(300)).Run(first);
        new CompanySimulator(Some.Options(300)).Run(second);

        Assert.True(first.Messages > 10_000);
        Assert.Equal(first.Messages, second.Messages);
        Assert.Equal(first.Digest(), second.Digest());
    }

    [Fact]
    public void DifferentSeeds_DifferentMessages()
    {
        var first = new HashingSink();
        var second = new HashingSink();
        new CompanySimulator(Some.Options(100, seed: 1)).Run(first);
        new CompanySimulator(Some.Options(100, seed: 2)).Run(second);

        Assert.NotEqual(first.Digest(), second.Digest());
    }

    [Fact]
    public void SameSeedDifferentBatchSize_SameMessagesInSameOrder()
    {
        var small = Some.Run(Some.Options(40) with { BatchSize = 10 });
        var large = Some.Run(Some.Options(40) with { BatchSize = 100_000 });

        Assert.Equal(1, large.Sink.Batches);
        Assert.Equal(40, small.Sink.Batches);
        Assert.Equal(small.Sink.Events.Select(e => e.MessageId), large.Sink.Events.Select(e => e.MessageId));
        Assert.Equal(small.Sink.Profiles.Select(p => p.MessageId), large.Sink.Profiles.Select(p => p.MessageId));
    }

    [Theory]
    [InlineData(3_000L)]
    [InlineData(50_000L)]
    [InlineData(1_000_000L)]
    public void TargetEvents_WithinTenPercent(long target)
    {
        var simulator = new CompanySimulator(new SimulationOptions { Seed = 9, TargetEvents = target });
        var summary = simulator.Run(new NullSink());

        Assert.InRange(summary.Events, (long)(target * 0.9), (long)(target * 1.1));
        Assert.Equal(simulator.AccountCount, summary.Accounts);
    }

    [Fact]
    public void Summary_CountsWhatTheSinkGot()
    {
        var (simulator, sink, summary) = Some.Run(Some.Options(50));

        Assert.Equal(sink.Events.Count, summary.Events);
        Assert.Equal(sink.Profiles.Count, summary.ProfileMessages);
        Assert.Equal(sink.Batches, summary.Batches);
        Assert.Equal(simulator.GroundTruth.Accounts.Sum(a => a.People), summary.People);
        Assert.Equal(simulator.GroundTruth.Accounts.Sum(a => (long)a.Events), summary.Events);
    }

    [Fact]
    public void EveryMessage_UniqueIdAndMillisecondTimeInPeriod()
    {
        var options = Some.Options(200);
        var (_, sink, _) = Some.Run(options);
        var end = options.Start + options.Duration;
        var times = sink.Events.Select(e => e.Timestamp).Concat(sink.Profiles.Select(p => p.Timestamp)).ToList();
        var ids = sink.Events.Select(e => e.MessageId).Concat(sink.Profiles.Select(p => p.MessageId)).ToList();

        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.StartsWith("sim42-", id, StringComparison.Ordinal));
        Assert.All(times, t => Assert.Equal(DateTimeKind.Utc, t.Kind));
        Assert.All(times, t => Assert.Equal(0, t.Ticks % TimeSpan.TicksPerMillisecond));
        Assert.All(times, t => Assert.InRange(t, options.Start, end.AddTicks(-1)));
    }

    [Fact]
    public void EveryAccount_OneToSeventeenPeopleWithValidRoles()
    {
        var (simulator, sink, _) = Some.Run(Some.Options(400));
        var groups = sink.Profiles.OfType<GroupMessage>().ToList();
        var known = Names.Roles.Skip(1).ToHashSet(StringComparer.Ordinal);

        Assert.All(simulator.GroundTruth.Accounts, a => Assert.InRange(a.People, 1, 17));
        Assert.Contains(simulator.GroundTruth.Accounts, a => a.People == 17);
        Assert.Contains(simulator.GroundTruth.Accounts, a => a.People == 1);
        Assert.All(groups, g => Assert.NotEmpty(g.Roles));
        Assert.All(groups, g => Assert.All(g.Roles, r => Assert.Contains(r, known)));
        Assert.All(groups.GroupBy(g => g.AccountId), a => Assert.InRange(a.Select(g => g.PersonId).Distinct().Count(), 1, 17));
        foreach (var role in known)
        {
            Assert.Contains(groups, g => g.Roles.Contains(role));
        }
    }

    [Fact]
    public void AnonymousVisitors_LaterIdentifiedWithBothIds()
    {
        var (_, sink, _) = Some.Run(Some.Options(200));
        var anonymousOnly = sink.Events.Where(e => e.PersonId is null).ToList();
        var links = sink.Profiles.OfType<IdentifyMessage>().Where(i => i.AnonymousId is not null && i.PersonId is not null)
            .ToDictionary(i => i.AnonymousId!, StringComparer.Ordinal);

        Assert.NotEmpty(anonymousOnly);
        Assert.All(anonymousOnly, e => Assert.NotNull(e.AnonymousId));
        Assert.All(anonymousOnly, e => Assert.Null(e.AccountId));
        Assert.All(anonymousOnly, e => Assert.Contains(e.Name, new[] { "page_viewed", "ad_clicked" }));
        var linked = anonymousOnly.Where(e => links.ContainsKey(e.AnonymousId!)).ToList();
        Assert.True(linked.Count > anonymousOnly.Count / 2, $"{linked.Count} of {anonymousOnly.Count} anonymous events linked");
        Assert.All(linked, e => Assert.True(e.Timestamp <= links[e.AnonymousId!].Timestamp));
        var identified = sink.Events.Where(e => e.PersonId is not null && e.AnonymousId is not null && links.ContainsKey(e.AnonymousId)).ToList();
        Assert.All(identified, e => Assert.Equal(links[e.AnonymousId!].PersonId, e.PersonId));
    }

    [Fact]
    public void KnownPeoplesEvents_CarryAccountAndIdentifyComesFirst()
    {
        var (_, sink, _) = Some.Run(Some.Options(150));
        var identifiedAt = sink.Profiles.OfType<IdentifyMessage>().GroupBy(i => i.PersonId!)
            .ToDictionary(g => g.Key, g => g.Min(i => i.Timestamp), StringComparer.Ordinal);

        var known = sink.Events.Where(e => e.PersonId is not null).ToList();
        Assert.All(known, e => Assert.NotNull(e.AccountId));
        Assert.All(known, e => Assert.True(identifiedAt[e.PersonId!] <= e.Timestamp, $"{e.Name} of {e.PersonId} before identify"));
    }

    [Fact]
    public void LatestGroupTraits_MatchFinalPlanAndMrr()
    {
        var (simulator, sink, _) = Some.Run(Some.Options(300));
        var latest = sink.Profiles.OfType<GroupMessage>().GroupBy(g => g.AccountId)
            .ToDictionary(g => g.Key, g => g.OrderBy(m => m.Timestamp).Last().Traits, StringComparer.Ordinal);

        var checkedAccounts = 0;
        foreach (var account in simulator.GroundTruth.Accounts.Where(a => latest.ContainsKey(a.AccountId)))
        {
            using var traits = latest[account.AccountId].ToDocument();
            Assert.Equal(account.FinalMrr, traits.RootElement.GetProperty("mrr").GetInt64());
            Assert.Equal(account.Segment, traits.RootElement.GetProperty("segment").GetString());
            Assert.Equal(account.Bought && !account.Churned, traits.RootElement.GetProperty("plan").GetString() != "none");
            checkedAccounts++;
        }

        Assert.True(checkedAccounts > 250);
    }

    [Fact]
    public void Segments_PlausibleShares()
    {
        var simulator = new CompanySimulator(Some.Options(4000));
        simulator.Run(new NullSink());
        var accounts = simulator.GroundTruth.Accounts;
        double Share(string segment) => accounts.Count(a => a.Segment == segment) / (double)accounts.Count;

        Assert.InRange(Share("smb"), 0.55, 0.65);
        Assert.InRange(Share("mid-market"), 0.26, 0.34);
        Assert.InRange(Share("enterprise"), 0.07, 0.13);
        Assert.All(new[] { "early-market", "chasm", "tornado", "main-street" }, s => Assert.Contains(accounts, a => a.AdoptionStage == s));
    }

    [Fact]
    public void Progress_ReportsGrowingEventCountsEndingAtTotal()
    {
        var reports = new List<long>();
        var options = Some.Options(30) with { Progress = new SyncProgress(reports) };
        var summary = new CompanySimulator(options).Run(new NullSink());

        Assert.True(reports.Count > 1);
        Assert.Equal(reports.Order(), reports);
        Assert.Equal(summary.Events, reports[^1]);
    }

    [Fact]
    public void CancelledToken_Throws()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        Assert.Throws<OperationCanceledException>(() => new CompanySimulator(Some.Options()).Run(new NullSink(), cancel.Token));
    }

    [Fact]
    public void SinkThrows_RunStopsWithThatException()
    {
        var sink = new FailingSink(failOnBatch: 3);

        var error = Assert.Throws<InvalidOperationException>(() => new CompanySimulator(Some.Options(500) with { BatchSize = 100 }).Run(sink));

        Assert.Equal("sink full", error.Message);
        Assert.Equal(3, sink.Calls);
    }

    [Fact]
    public void ShortPeriodOtherStart_EverythingInsideIt()
    {
        var options = Some.Options(300) with { Start = new DateTime(2024, 2, 28, 0, 0, 0, DateTimeKind.Utc), Duration = TimeSpan.FromDays(3) };
        var (simulator, sink, summary) = Some.Run(options);
        var end = options.Start + options.Duration;

        Assert.True(summary.Events > 100);
        Assert.All(sink.Events, e => Assert.InRange(e.Timestamp, options.Start, end.AddTicks(-1)));
        Assert.All(sink.Profiles, p => Assert.InRange(p.Timestamp, options.Start, end.AddTicks(-1)));
        Assert.All(simulator.GroundTruth.Accounts.Where(a => a.Churned), a => Assert.InRange(a.ChurnedAt!.Value, options.Start, end));
    }

    [Fact]
    public void BadOptions_Rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CompanySimulator(new SimulationOptions { Accounts = 0 }));
        Assert.Throws<ArgumentException>(() => new CompanySimulator(new SimulationOptions { Start = new DateTime(2025, 1, 1) }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CompanySimulator(new SimulationOptions { Duration = TimeSpan.FromHours(5) }));
    }

    private sealed class FailingSink(int failOnBatch) : Waymark.Core.Ingest.IMessageSink
    {
        public int Calls { get; private set; }

        public void Write(Waymark.Core.Ingest.MessageBatch batch)
        {
            if (++Calls == failOnBatch)
            {
                throw new InvalidOperationException("sink full");
            }
        }
    }

    private sealed class SyncProgress(List<long> reports) : IProgress<long>
    {
        public void Report(long value) => reports.Add(value);
    }
}
