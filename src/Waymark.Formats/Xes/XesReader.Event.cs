using System.Buffers;
using System.Text;
using System.Xml;
using Waymark.Core.Errors;
using Waymark.Core.Ingest;
using Waymark.Core.Model;

namespace Waymark.Formats.Xes;

// One <event>: its attributes become properties, its classifier keys its name, its time:timestamp its time.
public sealed partial class XesReader
{
    private const string TimeKey = "time:timestamp";
    private string?[] _nameParts = [];
    private readonly ArrayBufferWriter<byte> _idContent = new(1024);
    private long _eventOrdinal;

    private void ReadEvent(MessageBatch batch)
    {
        var at = (IXmlLineInfo)_xml;
        (long line, long column) = (at.LineNumber, at.LinePosition);
        var ordinal = BeginEvent();
        var time = ReadEventAttributes();
        _inEvent = false;

        var problem = _attributes.Problem
            ?? (time is null ? new XesProblem($"a {TimeKey} attribute on the event", "none", line, column) : null)
            ?? NameProblem(line, column);
        if (problem is not null)
        {
            _builder.Clear();
            batch.Errors.Add(new RecordError(new SourceLocation(SourceName, problem.Line, problem.Column, _trace.EventPath),
                problem.Expected, problem.Found));
            return;
        }

        _trace.Saw(time!.Value);
        batch.Events.Add(new Event
        {
            MessageId = MessageIds.Derive(SourceName, ordinal, IdContent()),
            Timestamp = time.Value,
            PersonId = _trace.CaseId,
            Name = JoinName(),
            Source = _eventSource,
            Actor = Actor.Unknown,
            Properties = _builder.Build(),
        });
    }

    // Resets the per-event state, starts the properties with the case attributes, and returns the event's ordinal.
    private long BeginEvent()
    {
        _trace.EventIndex++;
        _inEvent = true;
        _attributes.Begin();
        _builder.Clear();
        Array.Clear(_nameParts);
        _trace.AddCaseProperties(_builder);
        return _eventOrdinal++;
    }

    // Reads to the end of the event; returns its time, or null when it has none that parses.
    private DateTime? ReadEventAttributes()
    {
        if (_xml.IsEmptyElement)
        {
            _xml.Read();
            return null;
        }

        DateTime? time = null;
        _xml.Read();
        while (_xml.NodeType is not (XmlNodeType.EndElement or XmlNodeType.None))
        {
            if (_xml.NodeType != XmlNodeType.Element)
            {
                _xml.Read();
                continue;
            }

            if (_attributes.Raw.Length > _options.MaxRecordBytes)
            {
                // Too large already: skip the rest without reading it into memory.
                _attributes.Fail($"an event of at most {_options.MaxRecordBytes} bytes", "more attribute text than that", (IXmlLineInfo)_xml);
                _xml.Skip();
                continue;
            }

            time = ReadEventAttribute() ?? time;
        }

        _xml.Read();
        return time;
    }

    private DateTime? ReadEventAttribute()
    {
        var at = (IXmlLineInfo)_xml;
        (long line, long column) = (at.LineNumber, at.LinePosition);
        var value = _attributes.Read(_xml, out var key);
        var keys = _classifier!.Keys;
        for (var i = 0; i < keys.Length; i++)
        {
            if (string.Equals(keys[i], key, StringComparison.Ordinal))
            {
                _nameParts[i] = value.ClassifierText;
            }
        }

        if (key != TimeKey)
        {
            value.AddTo(_builder, key);
            return null;
        }

        if (value.Kind == XesValue.Shape.Time)
        {
            return value.Time;
        }

        // A time:timestamp written with another type is still a time if its text is one.
        if (value.Raw is { } raw && Timestamps.TryParse(raw, out var time))
        {
            return time;
        }

        _attributes.Fail(new XesProblem($"attribute '{TimeKey}' to hold {XesScalars.Describe("date")}", $"'{value.Raw}'", line, column));
        return null;
    }

    private XesProblem? NameProblem(long line, long column)
    {
        var keys = _classifier!.Keys;
        for (var i = 0; i < keys.Length; i++)
        {
            if (_nameParts[i] is null && !_eventGlobals.TryGetValue(keys[i], out _nameParts[i]))
            {
                return new XesProblem($"a value for the classifier key '{keys[i]}' (on the event or as a <global scope=\"event\"> default)",
                    "none", line, column);
            }
        }

        return null;
    }

    // The case id, a line feed and the attribute text, as UTF-8 in a reused buffer.
    private ReadOnlySpan<byte> IdContent()
    {
        _idContent.ResetWrittenCount();
        Encode(_trace.CaseId);
        Encode("\n");
        foreach (var chunk in _attributes.Raw.GetChunks())
        {
            Encode(chunk.Span);
        }

        return _idContent.WrittenSpan;
    }

    private void Encode(ReadOnlySpan<char> text)
    {
        var written = Encoding.UTF8.GetBytes(text, _idContent.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length)));
        _idContent.Advance(written);
    }

    private string JoinName() => _nameParts.Length == 1 ? _nameParts[0]! : string.Join('+', _nameParts);
}
