using System.Xml;
using Waymark.Core.Errors;
using Waymark.Core.Ingest;
using Waymark.Core.Model;

namespace Waymark.Formats.Xes;

// Walking the log: header elements, traces and their attributes; events are in XesReader.Event.cs.
public sealed partial class XesReader
{
    private readonly List<(string Name, string Keys)> _classifiers = [];
    private readonly Dictionary<string, string> _eventGlobals = new(StringComparer.Ordinal);
    private readonly XesTrace _trace = new();
    private readonly XesAttributeReader _attributes = new();
    private readonly PropertiesBuilder _builder = new();
    private XesClassifier? _classifier;
    private State _state;
    private bool _inEvent;

    private enum State : byte { Start, Log, Trace, Done }

    private string PathSoFar => _state switch
    {
        State.Trace when _inEvent => _trace.EventPath,
        State.Trace => _trace.Path,
        State.Log => "/log",
        _ => "/",
    };

    private void Fill(MessageBatch batch, int maxMessages)
    {
        if (_state == State.Start)
        {
            Start(batch);
        }

        while (_state != State.Done && batch.MessageCount + batch.Errors.Count < maxMessages)
        {
            Step(batch);
        }
    }

    private void Start(MessageBatch batch)
    {
        if (Length == 0)
        {
            Fatal(batch, Empty());
            return;
        }

        if (_xml.MoveToContent() != XmlNodeType.Element || _xml.LocalName != "log")
        {
            var at = (IXmlLineInfo)_xml;
            Fatal(batch, new RecordError(new SourceLocation(SourceName, at.LineNumber, at.LinePosition, "/"),
                "an XES log: the root element <log>", $"<{_xml.LocalName}>", Fatal: true));
            return;
        }

        _state = _xml.IsEmptyElement ? State.Done : State.Log;
        _xml.Read();
    }

    private void Step(MessageBatch batch)
    {
        switch (_xml.NodeType)
        {
            case XmlNodeType.Element when _state == State.Trace:
                TraceChild(batch);
                break;
            case XmlNodeType.Element:
                LogChild(batch);
                break;
            case XmlNodeType.EndElement when _state == State.Trace:
                EndTrace(batch);
                _xml.Read();
                break;
            case XmlNodeType.EndElement:
                // </log>: whatever follows is not part of the log.
                _state = State.Done;
                break;
            default:
                if (!_xml.Read())
                {
                    _state = State.Done;
                }

                break;
        }
    }

    private void LogChild(MessageBatch batch)
    {
        switch (_xml.LocalName)
        {
            case "trace":
                BeginTrace();
                break;
            case "global":
                ReadGlobal();
                break;
            case "classifier":
                _classifiers.Add((_xml.GetAttribute("name") ?? "", _xml.GetAttribute("keys") ?? ""));
                _xml.Skip();
                break;
            case "event":
                var at = (IXmlLineInfo)_xml;
                batch.Errors.Add(new RecordError(new SourceLocation(SourceName, at.LineNumber, at.LinePosition, "/log/event"),
                    "an event inside a <trace>", "an event directly in <log>"));
                _xml.Skip();
                break;
            default:
                // Extensions and log attributes (meta data) say nothing about a customer's events.
                _xml.Skip();
                break;
        }
    }

    // Only event globals matter: they default classifier keys. Trace globals are not applied (as in PM4Py).
    private void ReadGlobal()
    {
        if ((_xml.GetAttribute("scope") ?? "event") != "event" || _xml.IsEmptyElement)
        {
            _xml.Skip();
            return;
        }

        _xml.Read();
        while (_xml.NodeType is not (XmlNodeType.EndElement or XmlNodeType.None))
        {
            if (_xml.NodeType == XmlNodeType.Element && _xml.GetAttribute("key") is { } key && _xml.GetAttribute("value") is { } value)
            {
                _eventGlobals[key] = value;
            }

            _xml.Skip();
        }

        _xml.Read();
    }

    private void BeginTrace()
    {
        if (_classifier is null)
        {
            // Classifiers are declared before the first trace, so the choice is made once here.
            _classifier = XesClassifier.Resolve(_options.XesClassifier, _classifiers);
            _nameParts = new string?[_classifier.Keys.Length];
        }

        _trace.Begin();
        if (_xml.IsEmptyElement)
        {
            _xml.Read();
            return;
        }

        _state = State.Trace;
        _xml.Read();
    }

    private void TraceChild(MessageBatch batch)
    {
        if (_xml.LocalName == "event")
        {
            ReadEvent(batch);
            return;
        }

        var at = (IXmlLineInfo)_xml;
        (long line, long column) = (at.LineNumber, at.LinePosition);
        _attributes.Begin();
        var value = _attributes.Read(_xml, out var key);
        var problem = _attributes.Problem ?? TooLarge(_attributes.Raw.Length, line, column);
        if (problem is null)
        {
            _trace.Add(key, value);
            return;
        }

        batch.Errors.Add(new RecordError(new SourceLocation(SourceName, problem.Line, problem.Column, _trace.Path),
            problem.Expected, problem.Found));
    }

    private XesProblem? TooLarge(int length, long line, long column) => length <= _options.MaxRecordBytes
        ? null
        : new XesProblem($"a record of at most {_options.MaxRecordBytes} bytes", $"{length} characters of attributes", line, column);

    private void EndTrace(MessageBatch batch)
    {
        _state = State.Log;
        if (_trace.Earliest is not DateTime earliest)
        {
            return;
        }

        batch.Profiles.Add(new IdentifyMessage
        {
            MessageId = MessageIds.Derive(SourceName, _trace.Index, _trace.CaseId + "identify"),
            Timestamp = earliest,
            PersonId = _trace.CaseId,
            Traits = _trace.Traits(_builder),
        });
    }
}
