namespace Waymark.Simulation.Tests;

/// <summary>
/// Freezes the exact output of a small run. The simulator's output is a contract — demos,
/// benchmarks and other teams' tests rely on a seed giving the same data on every machine —
/// so this digest changes only with a deliberate change to the model; update it in the same
/// commit and say so in the message.
/// </summary>
public sealed class GoldenOutputTests
{
    private const string Seed1Accounts25 = "2071024E93A5D8931ABAA63E29D3C49B092E789ADF888067910564B6011FF713";

    [Fact]
    public void Seed1With25Accounts_FrozenDigest()
    {
        var sink = new HashingSink();
        new CompanySimulator(new SimulationOptions { Seed = 1, Accounts = 25, BatchSize = 1_000_000 }).Run(sink);

        var digest = sink.Digest();
        Assert.True(digest == Seed1Accounts25, $"the output changed: its digest is now {digest}");
    }
}
