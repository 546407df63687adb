using System.Diagnostics;
using Waymark.App.Simulate;
using Waymark.Core.Storage;
using Waymark.Formats;
using Waymark.Simulation;

namespace Waymark.App;

public sealed partial class Workspace
{
    /// <summary>
    /// Messages per batch (one store transaction each) when simulating into the store; the
    /// simulator's own default suits file writers, not commits.
    /// </summary>
    private const int StoreBatchMessages = 100_000;

    /// <summary>
    /// Simulates a company into the store, or, when <paramref name="outputPath"/> is given, into
    /// a file whose extension chooses the format (see <see cref="MessageWriters"/>). The ground
    /// truth (hidden drivers and outcomes per account) goes to <paramref name="groundTruthPath"/>.
    /// </summary>
    public SimulateReport Simulate(SimulationOptions options, string? outputPath = null, string? groundTruthPath = null,
        CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        var simulator = new CompanySimulator(outputPath is null ? options with { BatchSize = StoreBatchMessages } : options);
        SimulateReport report;
        if (outputPath is not null)
        {
            using var writer = MessageWriters.Create(outputPath);
            var written = simulator.Run(writer, cancel);
            report = new SimulateReport(written, outputPath, null, groundTruthPath, clock.Elapsed);
        }
        else
        {
            // The simulator already generates on a thread of its own; the store appends on this one.
            using var session = _store.BeginAppend(AppendMode.Bulk);
            var summary = simulator.Run(session, cancel);
            session.Commit();
            report = new SimulateReport(summary, Location, session.Total, groundTruthPath, clock.Elapsed);
        }

        // The ground truth is complete only once the run is.
        if (groundTruthPath is not null)
        {
            using var truth = File.Create(groundTruthPath);
            simulator.WriteGroundTruth(truth);
        }

        return report;
    }
}
