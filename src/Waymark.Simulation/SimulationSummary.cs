namespace Waymark.Simulation;

/// <summary>What one run produced.</summary>
/// <param name="Accounts">Accounts simulated.</param>
/// <param name="People">People across all accounts.</param>
/// <param name="Events">Events emitted.</param>
/// <param name="ProfileMessages">Identify and group messages emitted.</param>
/// <param name="Batches">Batches handed to the sink.</param>
public sealed record SimulationSummary(int Accounts, long People, long Events, long ProfileMessages, long Batches);
