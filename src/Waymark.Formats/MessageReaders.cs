using Waymark.Core.Errors;
using Waymark.Core.Ingest;
using Waymark.Formats.Csv;
using Waymark.Formats.Parquet;
using Waymark.Formats.Segment;
using Waymark.Formats.Xes;

namespace Waymark.Formats;

/// <summary>Opens the right reader for a file by its extension.</summary>
public static class MessageReaders
{
    /// <summary>The formats Waymark reads, by file extension.</summary>
    public static IReadOnlyList<string> Extensions { get; } =
        [".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz", ".csv", ".csv.gz", ".tsv", ".xes", ".xes.gz", ".parquet"];

    /// <summary>
    /// Opens a reader for <paramref name="path"/>: <c>.jsonl</c>, <c>.ndjson</c> and their
    /// <c>.gz</c> with <see cref="SegmentJsonLinesReader"/>; <c>.csv</c>, <c>.csv.gz</c> and
    /// <c>.tsv</c> with <see cref="CsvMessageReader"/>; <c>.parquet</c> with
    /// <see cref="ParquetMessageReader"/>; <c>.xes</c> and <c>.xes.gz</c> with <see cref="XesReader"/>
    /// (extensions compared without regard to case). Throws
    /// <see cref="InputException"/> when the file does not exist, is empty (zero bytes), has an
    /// extension Waymark does not read, or (CSV, Parquet) lacks a needed column.
    /// </summary>
    public static IMessageReader Open(string path, ReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= new ReaderOptions();
        var format = FormatOf(path);
        CheckFile(path);
        // One case per format family, the default last.
        return format switch
        {
            ".jsonl" or ".ndjson" or ".jsonl.gz" or ".ndjson.gz" => new SegmentJsonLinesReader(path, options),
            ".csv" or ".csv.gz" or ".tsv" => new CsvMessageReader(path, options),
            ".parquet" => new ParquetMessageReader(path, options),
            ".xes" or ".xes.gz" => new XesReader(path, options),
            _ => throw new InputException(new RecordError(new SourceLocation(path),
                $"a file ending in one of {string.Join(", ", Extensions)}", Path.GetFileName(path), Fatal: true)),
        };
    }

    private static void CheckFile(string path)
    {
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            ThrowHelper.ThrowInput(new SourceLocation(path), "an existing file", "no file at this path");
        }

        if (file.Length == 0)
        {
            ThrowHelper.ThrowInput(new SourceLocation(path), "file is empty; expected data in the format its extension names");
        }
    }

    /// <summary>The extension that decides the format, lower-case, with <c>.gz</c> kept: <c>.xes.gz</c>.</summary>
    public static string FormatOf(string path)
    {
        var name = Path.GetFileName(path).ToLowerInvariant();
        foreach (var extension in Extensions.OrderByDescending(e => e.Length))
        {
            if (name.EndsWith(extension, StringComparison.Ordinal))
            {
                return extension;
            }
        }

        return Path.GetExtension(name);
    }
}
