using Waymark.Core.Storage;
using Waymark.Simulation;

namespace Waymark.App.Simulate;

/// <summary>
/// What a simulation produced and where it went. <see cref="Stored"/> is set when it went into
/// the store (re-running the same seed finds every message a duplicate).
/// </summary>
public sealed record SimulateReport(SimulationSummary Summary, string Destination, AppendResult? Stored, string? GroundTruthPath, TimeSpan Elapsed);
