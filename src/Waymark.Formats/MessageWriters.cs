using Waymark.Core.Errors;
using Waymark.Core.Ingest;
using Waymark.Formats.Csv;
using Waymark.Formats.Parquet;
using Waymark.Formats.Segment;

namespace Waymark.Formats;

/// <summary>Opens the right writer for a file by its extension.</summary>
public static class MessageWriters
{
    /// <summary>The formats Waymark writes, by file extension.</summary>
    public static IReadOnlyList<string> Extensions { get; } = [".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz", ".csv", ".csv.gz", ".parquet"];

    /// <summary>
    /// Creates (or overwrites) <paramref name="path"/> with a writer for its extension: Segment
    /// JSON Lines, CSV (gzip when the name ends in <c>.gz</c>) or Parquet. Every file written
    /// reads back through <see cref="MessageReaders"/> to the same messages. Throws
    /// <see cref="InputException"/> for an extension Waymark does not write.
    /// </summary>
    public static IMessageWriter Create(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return MessageReaders.FormatOf(path) switch
        {
            ".jsonl" or ".ndjson" or ".jsonl.gz" or ".ndjson.gz" => new JsonLinesWriter(path),
            ".csv" or ".csv.gz" => new CsvMessageWriter(path),
            ".parquet" => new ParquetMessageWriter(path),
            _ => throw new InputException(new RecordError(new SourceLocation(path),
                $"a file ending in one of {string.Join(", ", Extensions)}", Path.GetFileName(path), Fatal: true)),
        };
    }
}

/// <summary>A file writer: takes batches, and completes the file when disposed.</summary>
public interface IMessageWriter : IMessageSink, IDisposable;
