using Waymark.Formats;

namespace Waymark.App.Import;

/// <summary>How to import files.</summary>
public sealed record ImportOptions
{
    /// <summary>Write nothing of a file unless every record of it is valid.</summary>
    public bool Strict { get; init; }

    /// <summary>
    /// Messages per batch: each batch is one transaction (outside strict mode). Two of DuckDB's
    /// row groups (122,880 rows each), so that most rows go straight to the file rather than
    /// through the write-ahead log: measured 412,000 against 317,000 events/s with 100,000.
    /// </summary>
    public int BatchSize { get; init; } = 245_760;

    /// <summary>How many rejected records to keep in full in the report; the rest are counted.</summary>
    public int MaxErrorsReported { get; init; } = 20;

    /// <summary>How to read the files.</summary>
    public ReaderOptions Reader { get; init; } = new();
}
