using Waymark.Formats;

namespace Waymark.App.Import;

/// <summary>How to import files.</summary>
public sealed record ImportOptions
{
    /// <summary>Write nothing of a file unless every record of it is valid.</summary>
    public bool Strict { get; init; }

    /// <summary>
    /// Messages per batch: each batch is one transaction (outside strict mode). The store writes
    /// events in whole row groups across batches (<see cref="Core.Storage.AppendMode.Bulk"/>), so
    /// a batch need not be large, and small batches keep memory down: parsed messages die young,
    /// before the collector has to promote them.
    /// </summary>
    public int BatchSize { get; init; } = 32_768;

    /// <summary>How many rejected records to keep in full in the report; the rest are counted.</summary>
    public int MaxErrorsReported { get; init; } = 20;

    /// <summary>How to read the files.</summary>
    public ReaderOptions Reader { get; init; } = new();
}
