using System.Collections.Concurrent;
using Waymark.Core.Ingest;
using Waymark.Simulation.Engine;

namespace Waymark.Simulation;

/// <summary>
/// Simulates a B2B SaaS company's accounts and people over a period and streams their messages
/// to a sink: per account, its identify and group messages and its events, sorted by time within
/// the account, accounts in index order. Every account draws from its own random stream derived
/// from (seed, account index), so the output is the same on every run and machine, and memory
/// stays flat whatever the size: only the current accounts are held, plus one small
/// <see cref="AccountTruth"/> per account.
/// </summary>
/// <remarks>
/// <para><b>Accounts.</b> Segment smb 60% / mid-market 30% / enterprise 10%; adoption stage
/// early-market 12%, chasm 23%, tornado 30%, main-street 35% (enterprise mostly tornado); ten
/// industries; four regions, each with its working hours. People: smb 1–5, mid-market 3–10,
/// enterprise 7–17, with roles decision-maker, economic-buyer, technical-buyer, champion (unless
/// the account has none), then influencers and end users. 35% of accounts are customers at the
/// start (signed within the last term); the rest arrive as prospects in the first 80% of the period.</para>
/// <para><b>Hidden drivers</b> (<see cref="AccountDrivers"/>): time to first value fast 60% /
/// slow 40%; champion present 55% / absent 25% / lost 20%; support good 70% / bad 30%; segment
/// fit good 70% / poor 30%.</para>
/// <para><b>Journeys.</b> Marketing (anonymous browsing, then a demo request or trial that
/// identifies the visitor) → sale by adoption stage (discovery, diagnosis, buying mission, or
/// product-led trial) → <c>contract_signed</c> or <c>deal_lost</c> → onboarding (kickoff,
/// invitations, integration, training, first report viewed = first value, scheduled report) →
/// product usage, support, QBRs, NPS and advocacy → expansions, contractions, renewals or churn.
/// Each stage is one partial file of the internal account simulator, documented there.</para>
/// <para><b>Ids.</b> Account <c>s{seed}-a{index}</c>; person <c>s{seed}-a{index}-p{k}</c>; anonymous
/// <c>anon-</c> and 16 hex digits; message <c>sim{seed}-{index}-{n}</c> with n numbering the
/// account's messages in time order. Events of a person before they are known carry only the
/// anonymous id and no account; after, the person id, the anonymous id (if any) and the account.</para>
/// </remarks>
public sealed class CompanySimulator
{
    /// <summary>Accounts simulated to estimate events per account when a target is given.</summary>
    private const int PilotAccounts = 2000;

    private readonly SimulationOptions _options;

    /// <summary>The account indices to simulate, in order; null for 0..<see cref="AccountCount"/>-1.</summary>
    private readonly int[]? _indices;

    /// <summary>Checks the options and fixes the number of accounts.</summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public CompanySimulator(SimulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        var count = options.Accounts ?? 50;
        if (options.Accounts is null && options.TargetEvents is { } target)
        {
            _indices = PickAccounts(options, target, out count);
        }

        AccountCount = count;
        GroundTruth = new GroundTruth(options);
    }

    /// <summary>The names of every event the simulator can emit, in a fixed order.</summary>
    public static IReadOnlyList<string> EventNames { get; } = EventTypes.AllNames();

    /// <summary>The number of accounts a run simulates.</summary>
    public int AccountCount { get; }

    /// <summary>The truth of the last <see cref="Run"/>, complete once it returns; read it only then.</summary>
    public GroundTruth GroundTruth { get; }

    /// <summary>Writes <see cref="GroundTruth"/> as JSON (see <see cref="GroundTruth.Write"/>).</summary>
    public void WriteGroundTruth(Stream stream) => GroundTruth.Write(stream);

    /// <summary>
    /// Simulates every account and hands the messages to <paramref name="sink"/> in batches of
    /// about <see cref="SimulationOptions.BatchSize"/> messages, on the calling thread, while one
    /// background thread simulates the next batches (at most a few ahead, so memory stays flat).
    /// Reports events emitted so far to <see cref="SimulationOptions.Progress"/> after each batch,
    /// on the calling thread. Not thread-safe: one run at a time per simulator.
    /// </summary>
    /// <exception cref="OperationCanceledException">Cancelled; the sink has the batches written so far.</exception>
    public SimulationSummary Run(IMessageSink sink, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sink);
        GroundTruth.Clear();
        using var full = new BlockingCollection<MessageBatch>(BatchesAhead);
        using var free = new BlockingCollection<MessageBatch>();
        for (var i = 0; i <= BatchesAhead; i++)
        {
            free.Add(new MessageBatch(), CancellationToken.None);
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = Task.Run(() => Produce(full, free, stop.Token), CancellationToken.None);
        long events = 0, profiles = 0, batches = 0;
        try
        {
            foreach (var batch in full.GetConsumingEnumerable(stop.Token))
            {
                sink.Write(batch);
                events += batch.Events.Count;
                profiles += batch.Profiles.Count;
                batches++;
                batch.Clear();
                free.Add(batch, CancellationToken.None);
                _options.Progress?.Report(events);
            }
        }
        finally
        {
            // The sink failed or the run was cancelled: stop the producer before leaving.
            stop.Cancel();
            WaitQuietly(producer);
        }

        var people = producer.GetAwaiter().GetResult();
        cancellationToken.ThrowIfCancellationRequested();
        return new SimulationSummary(AccountCount, people, events, profiles, batches);
    }

    /// <summary>Batches simulated ahead of the sink.</summary>
    private const int BatchesAhead = 2;

    /// <summary>Simulates every account in order into batches; returns the number of people.</summary>
    private long Produce(BlockingCollection<MessageBatch> full, BlockingCollection<MessageBatch> free, CancellationToken stop)
    {
        try
        {
            var simulator = new AccountSimulator(_options);
            var batch = free.Take(stop);
            long people = 0;
            for (var i = 0; i < AccountCount; i++)
            {
                stop.ThrowIfCancellationRequested();
                GroundTruth.Add(simulator.Simulate(_indices?[i] ?? i));
                people += simulator.PeopleCount;
                simulator.WriteMessages(batch.Events, batch.Profiles);
                if (batch.MessageCount >= _options.BatchSize || i == AccountCount - 1)
                {
                    full.Add(batch, stop);
                    batch = i == AccountCount - 1 ? batch : free.Take(stop);
                }
            }

            return people;
        }
        finally
        {
            full.CompleteAdding();
        }
    }

    private static void WaitQuietly(Task task)
    {
        try
        {
            task.Wait(CancellationToken.None);
        }
        catch (AggregateException)
        {
            // Observed by the caller through GetResult, or superseded by the consumer's own exception.
        }
    }

    /// <summary>
    /// Picks the accounts for a target. Small targets (reached within the pilot): accounts are
    /// taken in index order, skipping any that would overshoot the target by more than 5%, until
    /// within 5% of it — so the indices may have gaps. Large targets: accounts 0..n-1, with n
    /// extrapolated from the pilot's mean events per account.
    /// </summary>
    private static int[]? PickAccounts(SimulationOptions options, long target, out int count)
    {
        var simulator = new AccountSimulator(options);
        var picked = new List<int>();
        long total = 0, seen = 0;
        var (fewest, fewestAt) = (int.MaxValue, 0);
        for (var index = 0; index < PilotAccounts; index++)
        {
            simulator.Simulate(index);
            var events = simulator.EventCount;
            seen += events;
            (fewest, fewestAt) = events < fewest ? (events, index) : (fewest, fewestAt);
            if (total + events <= target * 1.05)
            {
                picked.Add(index);
                total += events;
            }

            if (total >= target * 0.95)
            {
                count = picked.Count;
                return picked.ToArray();
            }
        }

        if (seen < target)
        {
            count = (int)Math.Clamp(Math.Round(target / ((double)seen / PilotAccounts)), PilotAccounts, int.MaxValue);
            return null;
        }

        // The pilot saw enough events but could not land near the target (a tiny one).
        count = Math.Max(picked.Count, 1);
        return picked.Count > 0 ? picked.ToArray() : [fewestAt];
    }
}
