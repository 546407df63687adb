namespace Waymark.Formats;

/// <summary>How to read a source. Every option has a default that suits the common case.</summary>
public sealed record ReaderOptions
{
    /// <summary>The default largest record, in bytes: 1 MiB.</summary>
    public const int DefaultMaxRecordBytes = 1 << 20;

    /// <summary>
    /// The largest record (a JSON line, a CSV row, an XES event) in bytes; a larger one is
    /// rejected with its location and skipped without being held in memory.
    /// </summary>
    public int MaxRecordBytes { get; init; } = DefaultMaxRecordBytes;

    /// <summary>The name used for the source in errors and in derived ids; defaults to the file path.</summary>
    public string? SourceName { get; init; }

    /// <summary>The value of <c>Event.Source</c> for events whose record does not name one; defaults to the file name.</summary>
    public string? EventSource { get; init; }

    /// <summary>Column mapping for CSV and Parquet.</summary>
    public TableMapping Table { get; init; } = new();

    /// <summary>
    /// XES classifier: null picks the log's declared activity classifier (the first whose name
    /// contains "activity", else <c>concept:name</c>); <c>concept:name</c> or any attribute key
    /// list (space-separated) or a declared classifier's name chooses explicitly.
    /// </summary>
    public string? XesClassifier { get; init; }
}

/// <summary>
/// Which columns of a CSV or Parquet table hold what. Null means "find it by its usual names"
/// (documented in docs/import.md). Columns that are not mapped become event properties.
/// </summary>
public sealed record TableMapping
{
    /// <summary>The person (subject) column.</summary>
    public string? Person { get; init; }

    /// <summary>The account column.</summary>
    public string? Account { get; init; }

    /// <summary>The time column.</summary>
    public string? Time { get; init; }

    /// <summary>The event name column.</summary>
    public string? Event { get; init; }

    /// <summary>The message id column; without one, ids are derived from the source and the row.</summary>
    public string? MessageId { get; init; }

    /// <summary>The field delimiter of a CSV file; null detects it from the header (comma, semicolon or tab).</summary>
    public char? Delimiter { get; init; }
}
