namespace Waymark.Simulation.Tests;

/// <summary>Simulation runs the tests share.</summary>
internal static class Some
{
    public static SimulationOptions Options(int accounts = 60, ulong seed = 42) => new() { Seed = seed, Accounts = accounts, BatchSize = 1000 };

    public static (CompanySimulator Simulator, CollectingSink Sink, SimulationSummary Summary) Run(SimulationOptions options)
    {
        var simulator = new CompanySimulator(options);
        var sink = new CollectingSink();
        var summary = simulator.Run(sink);
        return (simulator, sink, summary);
    }
}
