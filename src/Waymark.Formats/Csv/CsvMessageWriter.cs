using System.Buffers;
using System.Globalization;
using System.Text;
using Waymark.Core.Ingest;
using Waymark.Core.Model;
using Waymark.Formats.Text;

namespace Waymark.Formats.Csv;

/// <summary>
/// Writes messages as CSV that <see cref="CsvMessageReader"/> reads back field for field: UTF-8
/// without a byte order mark, comma-separated, LF line ends, a header row and then one row per
/// message (each batch's events, then its profile messages) with the columns
/// <see cref="Columns"/>. A field is quoted (quotes doubled) when it holds a comma, a quote, CR or
/// LF. Null and empty values are empty cells; times are <c>yyyy-MM-ddTHH:mm:ss.fffZ</c>; numbers
/// are in their shortest round-trip form; properties and traits are their JSON text; roles a
/// JSON array; an unknown actor an empty cell. Output is buffered: call <see cref="Flush"/> or
/// <see cref="Dispose"/>.
/// </summary>
public sealed partial class CsvMessageWriter : IMessageWriter
{
    private const int FlushBytes = 1 << 20;
    private static readonly SearchValues<char> NeedsQuotes = SearchValues.Create(",\"\r\n");

    private readonly Stream _output;
    private readonly bool _leaveOpen;
    private byte[] _buffer = new byte[FlushBytes + (FlushBytes / 4)];
    private int _used;
    private bool _disposed;

    /// <summary>Creates (or overwrites) <paramref name="path"/>; a name ending in <c>.gz</c> is gzip-compressed.</summary>
    public CsvMessageWriter(string path)
        : this(OutputFile.Create(path), leaveOpen: false)
    {
    }

    /// <summary>Writes to <paramref name="output"/>, which is disposed with the writer unless <paramref name="leaveOpen"/>.</summary>
    public CsvMessageWriter(Stream output, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
        _leaveOpen = leaveOpen;
        for (var i = 0; i < Columns.Count; i++)
        {
            Separate(i);
            Ascii(Columns[i]);
        }

        EndRow();
    }

    /// <summary>The columns, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "type", "message_id", "timestamp", "user_id", "anonymous_id", "account_id", "event", "channel", "source",
        "actor", "value", "sentiment", "properties", "traits", "roles", "previous_id",
    ];

    /// <inheritdoc />
    public void Write(MessageBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ObjectDisposedException.ThrowIf(_disposed, this);
        foreach (var e in batch.Events)
        {
            WriteEvent(e);
        }

        foreach (var profile in batch.Profiles)
        {
            WriteProfile(profile);
        }
    }

    /// <summary>Writes everything buffered to the output and flushes it.</summary>
    public void Flush()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        Drain();
        _output.Flush();
    }

    /// <summary>Flushes and closes the output (unless it was to be left open).</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        Flush();
        _disposed = true;
        if (!_leaveOpen)
        {
            _output.Dispose();
        }
    }

    private void Drain()
    {
        _output.Write(_buffer, 0, _used);
        _used = 0;
    }

    private void EndRow()
    {
        Ascii("\n");
        if (_used >= FlushBytes)
        {
            Drain();
        }
    }

    private void Separate(int column)
    {
        if (column > 0)
        {
            Ascii(",");
        }
    }

    private void Ascii(string text)
    {
        Ensure(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            _buffer[_used++] = (byte)text[i];
        }
    }

    private void Text(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        if (text.AsSpan().IndexOfAny(NeedsQuotes) < 0)
        {
            Ensure(Encoding.UTF8.GetMaxByteCount(text.Length));
            _used += Encoding.UTF8.GetBytes(text, _buffer.AsSpan(_used));
            return;
        }

        Ensure(Encoding.UTF8.GetMaxByteCount(text.Length * 2) + 2);
        _buffer[_used++] = (byte)'"';
        foreach (var part in text.AsSpan().Split('"'))
        {
            if (part.Start.Value > 0)
            {
                _buffer[_used++] = (byte)'"';
                _buffer[_used++] = (byte)'"';
            }

            _used += Encoding.UTF8.GetBytes(text.AsSpan(part), _buffer.AsSpan(_used));
        }

        _buffer[_used++] = (byte)'"';
    }

    private void Number(double? value)
    {
        if (value is { } number)
        {
            Ensure(32);
            number.TryFormat(_buffer.AsSpan(_used), out var written, default, CultureInfo.InvariantCulture);
            _used += written;
        }
    }

    private void Time(DateTime time)
    {
        Ensure(32);
        Timestamps.Normalize(time).TryFormat(_buffer.AsSpan(_used), out var written, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        _used += written;
    }

    private void Ensure(int bytes)
    {
        if (_buffer.Length - _used < bytes)
        {
            Drain();
            if (_buffer.Length < bytes)
            {
                _buffer = new byte[bytes];
            }
        }
    }
}
