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
public sealed class CompanySimulator
{
    /// <summary>Accounts simulated to estimate events per account when a target is given.</summary>
    private const int PilotAccounts = 2000;

    private readonly SimulationOptions _options;

    /// <summary>Checks the options and fixes the number of accounts.</summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public CompanySimulator(SimulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        AccountCount = options.Accounts ?? (options.TargetEvents is { } target ? AccountsFor(target) : 50);
        GroundTruth = new GroundTruth(options);
    }

    /// <summary>The number of accounts a run simulates.</summary>
    public int AccountCount { get; }

    /// <summary>The truth of the last <see cref="Run"/>: filled as accounts are simulated.</summary>
    public GroundTruth GroundTruth { get; }

    /// <summary>Writes <see cref="GroundTruth"/> as JSON (see <see cref="GroundTruth.Write"/>).</summary>
    public void WriteGroundTruth(Stream stream) => GroundTruth.Write(stream);

    /// <summary>
    /// Simulates every account and hands the messages to <paramref name="sink"/> in batches of
    /// about <see cref="SimulationOptions.BatchSize"/> messages. Reports events emitted so far to
    /// <see cref="SimulationOptions.Progress"/> after each batch.
    /// </summary>
    /// <exception cref="OperationCanceledException">Cancelled; the sink has the batches written so far.</exception>
    public SimulationSummary Run(IMessageSink sink, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sink);
        GroundTruth.Clear();
        var simulator = new AccountSimulator(_options);
        var batch = new MessageBatch();
        long people = 0, events = 0, profiles = 0, batches = 0;
        for (var index = 0; index < AccountCount; index++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            GroundTruth.Add(simulator.Simulate(index));
            people += simulator.PeopleCount;
            simulator.WriteMessages(batch.Events, batch.Profiles);
            if (batch.MessageCount >= _options.BatchSize || index == AccountCount - 1)
            {
                events += batch.Events.Count;
                profiles += batch.Profiles.Count;
                batches++;
                sink.Write(batch);
                batch.Clear();
                _options.Progress?.Report(events);
            }
        }

        return new SimulationSummary(AccountCount, people, events, profiles, batches);
    }

    /// <summary>
    /// Picks the number of accounts for a target: counts the accounts' events in order until the
    /// target is reached, or, past the pilot, extrapolates from the pilot's mean.
    /// </summary>
    private int AccountsFor(long target)
    {
        var simulator = new AccountSimulator(_options);
        long total = 0;
        for (var index = 0; index < PilotAccounts; index++)
        {
            simulator.Simulate(index);
            var count = simulator.EventCount;
            if (total + count >= target)
            {
                // Take this account when that lands closer to the target.
                return target - total < total + count - target ? index : index + 1;
            }

            total += count;
        }

        var mean = (double)total / PilotAccounts;
        return (int)Math.Clamp(Math.Round(target / mean), PilotAccounts, int.MaxValue);
    }
}
