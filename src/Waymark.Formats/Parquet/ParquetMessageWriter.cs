using Parquet;
using Parquet.Schema;
using Waymark.Core.Ingest;
using Waymark.Core.Model;

namespace Waymark.Formats.Parquet;

/// <summary>
/// Writes messages to a Parquet file that <see cref="ParquetMessageReader"/> reads back field for
/// field, with the columns of <see cref="Csv.CsvMessageWriter.Columns"/>: <c>timestamp</c> is a
/// UTC timestamp in milliseconds (required), <c>value</c> and <c>sentiment</c> are nullable
/// doubles, the rest nullable UTF-8 strings (properties and traits as JSON text, roles as a JSON
/// array, an unknown actor as null). Messages are buffered and written as one row group whenever
/// <see cref="RowGroupRows"/> are waiting, and at <see cref="Flush"/> or <see cref="Dispose"/>;
/// within a row group events come first, then profile messages, each in arrival order. The
/// writer keeps references to the buffered (immutable) messages, not to the batches.
/// </summary>
public sealed partial class ParquetMessageWriter : IMessageWriter
{
    /// <summary>The default number of rows per row group.</summary>
    public const int DefaultRowGroupRows = 1 << 20;

    private static readonly DataField<string> TypeField = new("type", true);
    private static readonly DataField<string> MessageIdField = new("message_id", true);
    private static readonly DateTimeDataField TimestampField = new("timestamp", DateTimeFormat.Timestamp, isAdjustedToUTC: true,
        unit: DateTimeTimeUnit.Millis, isNullable: false);
    private static readonly DataField<string> UserIdField = new("user_id", true);
    private static readonly DataField<string> AnonymousIdField = new("anonymous_id", true);
    private static readonly DataField<string> AccountIdField = new("account_id", true);
    private static readonly DataField<string> EventField = new("event", true);
    private static readonly DataField<string> ChannelField = new("channel", true);
    private static readonly DataField<string> SourceField = new("source", true);
    private static readonly DataField<string> ActorField = new("actor", true);
    private static readonly DataField<double?> ValueField = new("value", true);
    private static readonly DataField<double?> SentimentField = new("sentiment", true);
    private static readonly DataField<string> PropertiesField = new("properties", true);
    private static readonly DataField<string> TraitsField = new("traits", true);
    private static readonly DataField<string> RolesField = new("roles", true);
    private static readonly DataField<string> PreviousIdField = new("previous_id", true);

    private static readonly ParquetSchema Schema = new(
        TypeField, MessageIdField, TimestampField, UserIdField, AnonymousIdField, AccountIdField, EventField, ChannelField,
        SourceField, ActorField, ValueField, SentimentField, PropertiesField, TraitsField, RolesField, PreviousIdField);

    private readonly Stream _output;
    private readonly bool _leaveOpen;
    private readonly ParquetWriter _writer;
    private readonly List<Event> _events = [];
    private readonly List<ProfileMessage> _profiles = [];
    private bool _disposed;

    /// <summary>Creates (or overwrites) <paramref name="path"/>.</summary>
    public ParquetMessageWriter(string path, int rowGroupRows = DefaultRowGroupRows)
        : this(new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16), leaveOpen: false, rowGroupRows)
    {
    }

    /// <summary>Writes to a writable, seekable <paramref name="output"/>, disposed with the writer unless <paramref name="leaveOpen"/>.</summary>
    public ParquetMessageWriter(Stream output, bool leaveOpen = false, int rowGroupRows = DefaultRowGroupRows)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentOutOfRangeException.ThrowIfLessThan(rowGroupRows, 1);
        _output = output;
        _leaveOpen = leaveOpen;
        RowGroupRows = rowGroupRows;
        _writer = ParquetWriter.CreateAsync(Schema, output).GetAwaiter().GetResult();
    }

    /// <summary>How many buffered messages make a row group.</summary>
    public int RowGroupRows { get; }

    /// <inheritdoc />
    public void Write(MessageBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ObjectDisposedException.ThrowIf(_disposed, this);
        _events.AddRange(batch.Events);
        _profiles.AddRange(batch.Profiles);
        if (_events.Count + _profiles.Count >= RowGroupRows)
        {
            WriteRowGroup();
        }
    }

    /// <summary>Writes the buffered messages as a row group (if any) and flushes the output.</summary>
    public void Flush()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        WriteRowGroup();
        _output.Flush();
    }

    /// <summary>Writes what is buffered, the file footer, and closes the output (unless it was to be left open).</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        WriteRowGroup();
        _disposed = true;
        _writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        if (!_leaveOpen)
        {
            _output.Dispose();
        }
    }
}
