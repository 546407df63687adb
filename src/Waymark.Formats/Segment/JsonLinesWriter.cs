using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Waymark.Core.Ingest;
using Waymark.Formats.Text;

namespace Waymark.Formats.Segment;

/// <summary>
/// Writes messages as Segment JSON Lines that <see cref="SegmentJsonLinesReader"/> reads back
/// field for field. Each batch's events are written, then its profile messages, one compact JSON
/// object per line ending in <c>\n</c>, UTF-8 without a byte order mark:
/// <list type="bullet">
/// <item>event: <c>{"type":"track","messageId","timestamp","userId","anonymousId","event",
/// "properties","value","sentiment","context":{"groupId","channel","source","actor"}}</c>;</item>
/// <item>identify: <c>type, messageId, timestamp, userId, anonymousId, traits</c>;</item>
/// <item>group: <c>type, messageId, timestamp, userId, anonymousId, groupId, traits,
/// context.role</c> (an array);</item>
/// <item>alias: <c>type, messageId, timestamp, previousId, userId</c>.</item>
/// </list>
/// Null fields, empty properties and traits, an unknown actor and no roles are left out; times
/// are <c>yyyy-MM-ddTHH:mm:ss.fffZ</c>. An event without a value whose properties hold a
/// <c>value</c> key gets <c>"value":null</c> so that the reader does not take the property as
/// the value. Output is buffered: call <see cref="Flush"/> or <see cref="Dispose"/>.
/// </summary>
public sealed partial class JsonLinesWriter : IMessageWriter
{
    private const int FlushBytes = 1 << 20;

    private readonly Stream _output;
    private readonly bool _leaveOpen;
    private readonly ArrayBufferWriter<byte> _buffer = new(FlushBytes + (FlushBytes / 4));
    private readonly Utf8JsonWriter _json;
    private bool _disposed;

    /// <summary>Creates (or overwrites) <paramref name="path"/>; a name ending in <c>.gz</c> is gzip-compressed.</summary>
    public JsonLinesWriter(string path)
        : this(OutputFile.Create(path), leaveOpen: false)
    {
    }

    /// <summary>Writes to <paramref name="output"/>, which is disposed with the writer unless <paramref name="leaveOpen"/>.</summary>
    public JsonLinesWriter(Stream output, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
        _leaveOpen = leaveOpen;
        _json = new Utf8JsonWriter(_buffer, new JsonWriterOptions
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            SkipValidation = true,
        });
    }

    /// <inheritdoc />
    public void Write(MessageBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ObjectDisposedException.ThrowIf(_disposed, this);
        foreach (var e in batch.Events)
        {
            WriteEvent(e);
            EndLine();
        }

        foreach (var profile in batch.Profiles)
        {
            WriteProfile(profile);
            EndLine();
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
        _json.Dispose();
        if (!_leaveOpen)
        {
            _output.Dispose();
        }
    }

    private void EndLine()
    {
        _json.Flush();
        _buffer.Write("\n"u8);
        _json.Reset(_buffer);
        if (_buffer.WrittenCount >= FlushBytes)
        {
            Drain();
        }
    }

    private void Drain()
    {
        _json.Flush();
        _output.Write(_buffer.WrittenSpan);
        _buffer.ResetWrittenCount();
        _json.Reset(_buffer);
    }
}
