namespace Waymark.Simulation;

/// <summary>
/// What to simulate. The same options give byte-identical messages on every run and machine:
/// nothing depends on the clock, the culture or the machine's number of cores.
/// </summary>
public sealed record SimulationOptions
{
    /// <summary>The seed every random draw derives from.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>
    /// How many accounts to simulate. When null, <see cref="TargetEvents"/> picks the number;
    /// when both are null, 50 accounts.
    /// </summary>
    public int? Accounts { get; init; }

    /// <summary>
    /// The number of events wanted (profile messages not counted); the simulator picks the
    /// number of accounts so that the events emitted come within a few percent of it. Ignored
    /// when <see cref="Accounts"/> is set.
    /// </summary>
    public long? TargetEvents { get; init; }

    /// <summary>The first instant of the simulated period (included); UTC. Default 2025-01-01.</summary>
    public DateTime Start { get; init; } = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Length of the simulated period; every message's time is in [Start, Start + Duration). Whole days.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromDays(365);

    /// <summary>The number of messages (events and profile messages) per batch handed to the sink, about.</summary>
    public int BatchSize { get; init; } = 5000;

    /// <summary>Called with the total number of events emitted so far, after each batch.</summary>
    public IProgress<long>? Progress { get; init; }

    internal void Validate()
    {
        if (Accounts is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Accounts), Accounts, "at least one account");
        }

        if (TargetEvents is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(TargetEvents), TargetEvents, "at least one event");
        }

        if (Start.Kind != DateTimeKind.Utc || Start.Ticks % TimeSpan.TicksPerMillisecond != 0)
        {
            throw new ArgumentException("Start must be UTC with whole milliseconds", nameof(Start));
        }

        if (Duration < TimeSpan.FromDays(1) || Duration.Ticks % TimeSpan.TicksPerDay != 0 || Duration > TimeSpan.FromDays(3650))
        {
            throw new ArgumentOutOfRangeException(nameof(Duration), Duration, "whole days, from 1 to 3650");
        }

        if (BatchSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "at least 1");
        }
    }
}
