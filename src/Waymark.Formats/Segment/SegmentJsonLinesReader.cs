using System.Text.Unicode;
using Waymark.Core.Errors;
using Waymark.Core.Ingest;
using Waymark.Formats.Text;

namespace Waymark.Formats.Segment;

/// <summary>
/// Reads Segment Tracking API messages, one JSON object per line (<c>.jsonl</c>, <c>.ndjson</c>,
/// and their <c>.gz</c>).
/// <list type="bullet">
/// <item><c>type</c> is <c>track</c>, <c>identify</c>, <c>group</c>, <c>page</c>, <c>screen</c> or
/// <c>alias</c>; a line without <c>type</c> but with <c>event</c> is a track. <c>page</c> and
/// <c>screen</c> become events named <c>page_viewed</c> and <c>screen_viewed</c>, with the
/// top-level <c>name</c> and <c>category</c> added to their properties (winning over
/// same-named properties).</item>
/// <item>Time: the first present of <c>timestamp</c>, <c>originalTimestamp</c>, <c>sentAt</c>,
/// <c>receivedAt</c>; each is an ISO 8601 string (no offset means UTC) or an integer of Unix
/// epoch milliseconds; every time field present must be valid. Times become UTC, truncated to
/// milliseconds.</item>
/// <item>Ids (<c>messageId</c>, <c>userId</c>, <c>anonymousId</c>, <c>groupId</c>,
/// <c>previousId</c>, <c>context.groupId</c>) are strings or numbers (taken as written); null
/// and <c>""</c> mean absent. Every message needs <c>userId</c> or <c>anonymousId</c>; a track
/// needs <c>event</c>, a group <c>groupId</c>, an alias <c>previousId</c> and <c>userId</c>. A
/// line without <c>messageId</c> gets <see cref="MessageIds.Derive(string, long, ReadOnlySpan{byte})"/>
/// of the source name, the 1-based line number and the line's bytes.</item>
/// <item>Events: <c>context.groupId</c> is the account; <c>channel</c>, <c>source</c> and
/// <c>actor</c> come from the top level when there (a Waymark extension), else from
/// <c>context</c>; a missing source is <see cref="ReaderOptions.EventSource"/> (default: the file
/// name). <c>value</c> (a finite number) is the top-level <c>value</c>; when that is absent and
/// <c>properties.value</c> is a number, that number (it also stays in the properties);
/// <c>properties.revenue</c> is never the value. <c>sentiment</c> is a number from -1 to 1.</item>
/// <item><c>properties</c> and <c>traits</c> must be JSON objects (or null) with unique keys at
/// their top level; they are kept as written, minus whitespace. Group roles are
/// <c>context.role</c>: a string or an array of strings.</item>
/// <item>Blank lines are skipped. A bad line becomes a <see cref="RecordError"/> at its line,
/// 1-based byte column and JSON path, and reading goes on. Lines must be UTF-8 and at most
/// <see cref="ReaderOptions.MaxRecordBytes"/> long (longer ones are skipped unread). An empty
/// file and a truncated or corrupt gzip stream are fatal errors; records before them are kept.</item>
/// </list>
/// </summary>
public sealed class SegmentJsonLinesReader : IMessageReader
{
    private readonly SourceFile _file;
    private readonly RecordSplitter _splitter;
    private readonly SegmentLineParser _parser;
    private readonly string _eventSource;
    private readonly int _maxRecordBytes;
    private bool _done;
    private bool _sawBytes;

    /// <summary>Opens <paramref name="path"/>; a name ending in <c>.gz</c> is decompressed.</summary>
    public SegmentJsonLinesReader(string path, ReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= new ReaderOptions();
        SourceName = options.SourceName ?? path;
        _eventSource = options.EventSource ?? Path.GetFileName(path);
        _maxRecordBytes = options.MaxRecordBytes;
        _file = SourceFile.Open(path);
        _splitter = new RecordSplitter(_file.Content, options.MaxRecordBytes);
        _parser = new SegmentLineParser(SourceName);
    }

    /// <inheritdoc />
    public string SourceName { get; }

    /// <inheritdoc />
    public long Position => _file.Position;

    /// <inheritdoc />
    public long? Length => _file.Length;

    /// <inheritdoc />
    public bool ReadBatch(MessageBatch batch, int maxMessages)
    {
        ArgumentNullException.ThrowIfNull(batch);
        batch.Clear();
        while (!_done && batch.MessageCount < maxMessages)
        {
            ReadOne(batch);
        }

        return batch.MessageCount > 0 || batch.Errors.Count > 0;
    }

    /// <inheritdoc />
    public void Dispose() => _file.Dispose();

    private void ReadOne(MessageBatch batch)
    {
        RecordStatus status;
        ReadOnlySpan<byte> line;
        try
        {
            status = _splitter.Next(out line);
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            Stop(batch, "the rest of the file", $"{e.Message} (reading stopped at line {_splitter.NextLine}, " +
                $"after {_file.Position} of {_file.Length} bytes of the file)");
            return;
        }

        switch (status)
        {
            case RecordStatus.End:
                if (!_sawBytes)
                {
                    Stop(batch, "file is empty; expected one Segment JSON message per line", null);
                }

                _done = true;
                return;
            case RecordStatus.TooLong:
                _sawBytes = true;
                batch.Errors.Add(new RecordError(new SourceLocation(SourceName, _splitter.RecordLine),
                    $"a line of at most {_maxRecordBytes} bytes", $"a line of {_splitter.SkippedLength} bytes"));
                return;
            default:
                _sawBytes = true;
                ReadLine(batch, line, _splitter.RecordLine);
                return;
        }
    }

    private void ReadLine(MessageBatch batch, ReadOnlySpan<byte> line, long lineNumber)
    {
        if (line.IndexOfAnyExcept(" \t\r"u8) < 0)
        {
            return;
        }

        if (!Utf8.IsValid(line))
        {
            var offset = Utf8Check.FirstInvalidOffset(line);
            batch.Errors.Add(new RecordError(new SourceLocation(SourceName, lineNumber, offset + 1),
                "UTF-8 text", $"an invalid UTF-8 byte 0x{line[offset]:X2} at byte offset {offset}"));
            return;
        }

        if (!_parser.Parse(line, lineNumber) || !_parser.AddTo(batch, line, _eventSource))
        {
            batch.Errors.Add(_parser.Error!);
        }
    }

    private void Stop(MessageBatch batch, string expected, string? found)
    {
        batch.Errors.Add(new RecordError(new SourceLocation(SourceName, _splitter.NextLine), expected, found, Fatal: true));
        _done = true;
    }
}
