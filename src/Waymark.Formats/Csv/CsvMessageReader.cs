using Waymark.Core.Errors;
using Waymark.Core.Ingest;
using Waymark.Formats.Tables;
using Waymark.Formats.Text;

namespace Waymark.Formats.Csv;

/// <summary>
/// Reads events and profile messages from a CSV file (<c>.csv</c>, <c>.csv.gz</c>, <c>.tsv</c>).
/// <list type="bullet">
/// <item>RFC 4180: fields may be quoted with <c>"</c> (a doubled quote inside is one quote) and
/// then hold delimiters and line breaks; lines end in LF or CRLF; a leading UTF-8 byte order mark
/// is skipped; text must be UTF-8. The delimiter is <see cref="TableMapping.Delimiter"/>, else a
/// tab for <c>.tsv</c>, else whichever of comma, semicolon and tab occurs most often (outside
/// quotes) in the header line, comma on a tie.</item>
/// <item>The first row is the header (names trimmed). Columns are found as
/// <see cref="TableMapping"/> says or by their usual names, case-insensitive, the first name of
/// the list present winning: person <c>user_id, userId, person_id, person, case:concept:name,
/// case_id, case</c>; account <c>account_id, accountId, group_id, groupId, account</c>; time
/// <c>timestamp, time, time:timestamp, event_time, date</c>; event <c>event, event_name, name,
/// concept:name, activity</c>; message id <c>message_id, messageId, id</c>. Also by name:
/// <c>anonymous_id</c>, <c>type</c>, <c>channel</c>, <c>source</c>, <c>actor</c>, <c>value</c>,
/// <c>sentiment</c>, <c>properties</c>, <c>traits</c>, <c>roles</c>, <c>previous_id</c>. Without
/// a person (or anonymous_id), time or event column the constructor throws
/// <see cref="InputException"/> listing the columns found and the names tried.</item>
/// <item>A column with an empty name is ignored. Every other column is an event property whose
/// type is inferred (integer, else floating point, else <c>true</c>/<c>false</c>, else string,
/// a number or boolean only when it round-trips to the exact text); an empty cell leaves the
/// property out. The <c>properties</c> column holds a JSON object whose keys come first; a
/// property column with a value wins over a same-named key.</item>
/// <item><c>type</c> is empty or <c>track</c> (an event: needs person or anonymous id, time,
/// event name), <c>identify</c> (<c>traits</c> JSON), <c>group</c> (needs the account; traits and
/// <c>roles</c>: a JSON array or names separated by <c>;</c>) or <c>alias</c> (needs
/// <c>previous_id</c> and the person). Times are ISO 8601 (no offset means UTC) or integer Unix
/// milliseconds. An empty cell is an absent value. A row without a message id gets
/// <see cref="MessageIds.Derive(string, long, ReadOnlySpan{byte})"/> of the source name, the
/// line the row starts on and the row's bytes.</item>
/// <item>A bad row (wrong number of fields, bad time, empty event name, a stray character after
/// a closing quote, a quote never closed, a row over <see cref="ReaderOptions.MaxRecordBytes"/>)
/// becomes a <see cref="RecordError"/> at the line it starts on, and reading goes on.</item>
/// </list>
/// </summary>
public sealed partial class CsvMessageReader : IMessageReader
{
    private readonly SourceFile _file;
    private readonly RecordSplitter _splitter;
    private readonly CsvRow _row;
    private readonly TableColumns _columns;
    private readonly TableMessageBuilder _builder;
    private readonly int _maxRecordBytes;
    private bool _done;

    /// <summary>
    /// Opens <paramref name="path"/> (decompressed when it ends in <c>.gz</c>) and reads its header;
    /// throws <see cref="InputException"/> when the file is empty or a needed column is missing.
    /// </summary>
    public CsvMessageReader(string path, ReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= new ReaderOptions();
        SourceName = options.SourceName ?? path;
        _maxRecordBytes = options.MaxRecordBytes;
        _file = SourceFile.Open(path);
        try
        {
            _splitter = new RecordSplitter(_file.Content, options.MaxRecordBytes, csv: true);
            _splitter.Delimiter = DelimiterOf(path, options.Table);
            _row = new CsvRow(SourceName);
            _columns = ReadHeader(options.Table);
            _builder = new TableMessageBuilder(_columns, options.EventSource ?? Path.GetFileName(path));
        }
        catch
        {
            _file.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public string SourceName { get; }

    /// <inheritdoc />
    public long Position => _file.Position;

    /// <inheritdoc />
    public long? Length => _file.Length;

    /// <summary>The field delimiter in use.</summary>
    public char Delimiter => (char)_splitter.Delimiter;

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
    public void Dispose()
    {
        _builder.Dispose();
        _file.Dispose();
    }

    private byte DelimiterOf(string path, TableMapping mapping)
    {
        if (mapping.Delimiter is { } given)
        {
            return given <= 127 ? (byte)given : throw new ArgumentException("the delimiter must be an ASCII character", nameof(mapping));
        }

        return path.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase) ? (byte)'\t' : Detect(_splitter.Peek());
    }

    // The most frequent of comma, semicolon and tab outside quotes in the first line; comma on a tie.
    private static byte Detect(ReadOnlySpan<byte> start)
    {
        int commas = 0, semicolons = 0, tabs = 0;
        var quoted = false;
        foreach (var b in start)
        {
            if (b == (byte)'"')
            {
                quoted = !quoted;
            }
            else if (!quoted)
            {
                if (b == (byte)'\n')
                {
                    break;
                }

                commas += b == (byte)',' ? 1 : 0;
                semicolons += b == (byte)';' ? 1 : 0;
                tabs += b == (byte)'\t' ? 1 : 0;
            }
        }

        return semicolons > commas && semicolons >= tabs ? (byte)';' : tabs > commas && tabs > semicolons ? (byte)'\t' : (byte)',';
    }
}
