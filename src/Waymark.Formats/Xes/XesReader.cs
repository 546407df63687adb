using System.Xml;
using Waymark.Core.Errors;
using Waymark.Core.Ingest;
using Waymark.Core.Model;
using Waymark.Formats.Text;

namespace Waymark.Formats.Xes;

/// <summary>
/// Reads an XES event log (IEEE 1849-2016; <c>.xes</c>, or gzip-compressed, recognised by its magic
/// bytes) as a stream: memory holds the current trace's attributes and one event, never the log.
/// Elements are matched by local name, so logs with and without the XES namespace read the same.
/// </summary>
/// <remarks>
/// <para><b>Subjects.</b> Each <c>&lt;trace&gt;</c> is one person: <see cref="Event.PersonId"/> is the
/// trace's <c>concept:name</c> (its value text as written); a trace without one gets
/// <c>trace-N</c>, N being the trace's 1-based position in the log. At the end of every trace that
/// has at least one accepted event, one <see cref="IdentifyMessage"/> is emitted with that person
/// id, the trace attributes other than <c>concept:name</c> as traits (keys as in the file), the
/// time of the trace's earliest accepted event, and the id
/// <c>MessageIds.Derive(source, N, caseId + "identify")</c>.</para>
/// <para><b>Event name.</b> The values of the classifier's keys joined with <c>+</c>. The classifier
/// is <see cref="ReaderOptions.XesClassifier"/>: null picks the first declared
/// <c>&lt;classifier&gt;</c> whose name contains "activity" (any case), else <c>concept:name</c>;
/// otherwise a declared classifier's name, else a whitespace-separated key list (keys with spaces
/// in single quotes). A key the event lacks takes the <c>&lt;global scope="event"&gt;</c> default;
/// with neither, the event is rejected. Values are the attribute's <c>value</c> text as written.</para>
/// <para><b>Time.</b> <c>time:timestamp</c>, an xs:dateTime, normalised by <see cref="Timestamps"/>
/// (UTC, whole milliseconds; no offset means UTC). Missing or unparseable rejects the event.
/// Globals never supply a time.</para>
/// <para><b>Properties.</b> First every trace attribute except <c>concept:name</c>, key prefixed
/// <c>case:</c> (PM4Py's convention; trace globals are not applied, as in PM4Py), then every event
/// attribute except <c>time:timestamp</c> (a later key replaces an earlier one). Types: string and
/// id → string; int → integer; float → number (INF, -INF and NaN as the strings Infinity, -Infinity and NaN);
/// boolean (true, false, 1, 0, any case) → true/false;
/// date → ISO 8601 UTC string with milliseconds; list → JSON array of its items (the attributes in
/// its <c>&lt;values&gt;</c>, each converted by these rules, keys dropped); container → object of its
/// children; an attribute with nested attributes → object <c>{"value": own value, child key:
/// child value, …}</c> (a child keyed <c>value</c> replaces the own value). <c>org:resource</c> is a
/// property only: <see cref="Event.Channel"/> stays null. <see cref="Event.Source"/> is
/// <see cref="ReaderOptions.EventSource"/>, else the file name; <see cref="Event.Actor"/> is
/// <see cref="Actor.Unknown"/>.</para>
/// <para><b>Ids.</b> <c>MessageIds.Derive(source, ordinal, caseId + "\n" + attribute text)</c>, where the
/// ordinal counts every <c>&lt;event&gt;</c> element of the file from 0 and the attribute text is the
/// type, key and value of each of the event's attributes in file order: stable across reads, and
/// distinct for distinct events.</para>
/// <para><b>Errors.</b> A rejected event or trace attribute is a <see cref="RecordError"/> at the
/// offending element's line and column (the event's own for a missing time or name key) with the
/// path <c>/log/trace[i]/event[j]</c> (1-based); reading goes on. A bad trace attribute is dropped
/// and its trace kept. An event is rejected when an attribute element has no <c>key</c>, a scalar
/// has no <c>value</c>, a value does not parse as its type, an element is not an XES attribute type,
/// or its attribute text exceeds <see cref="ReaderOptions.MaxRecordBytes"/> characters (checked after
/// each attribute; the rest is skipped unread into memory). Fatal, after which nothing more is
/// read: an empty file, a root that is not <c>&lt;log&gt;</c>, malformed XML or bad encoding (with the
/// parser's line and column and the path reached), and a gzip stream that is corrupt or ends early.
/// Events outside traces are rejected. Trace attributes apply to the events after them (the XES
/// schema puts them first).</para>
/// </remarks>
public sealed partial class XesReader : IMessageReader
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreWhitespace = true,
        IgnoreProcessingInstructions = true,
        CloseInput = false,
    };

    private readonly SourceFile _file;
    private readonly XmlReader _xml;
    private readonly ReaderOptions _options;
    private readonly string _eventSource;

    /// <summary>
    /// Opens <paramref name="path"/>. Throws <see cref="InputException"/> when the file does not exist.
    /// Nothing is parsed until the first <see cref="ReadBatch"/>.
    /// </summary>
    public XesReader(string path, ReaderOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        _options = options ?? new ReaderOptions();
        SourceName = _options.SourceName ?? path;
        _eventSource = _options.EventSource ?? Path.GetFileName(path);
        if (!File.Exists(path))
        {
            ThrowHelper.ThrowInput(new SourceLocation(SourceName), "an existing XES file", "no such file");
        }

        _file = SourceFile.Open(path);
        Length = _file.Length;
        _xml = XmlReader.Create(_file.Content, Settings);
    }

    /// <inheritdoc />
    public string SourceName { get; }

    /// <summary>Bytes of the file (compressed bytes for gzip) consumed so far.</summary>
    public long Position => _file.Position;

    /// <summary>The file's size in bytes.</summary>
    public long? Length { get; }

    /// <inheritdoc />
    public bool ReadBatch(MessageBatch batch, int maxMessages)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxMessages);
        batch.Clear();
        if (_state == State.Done)
        {
            return false;
        }

        try
        {
            Fill(batch, maxMessages);
        }
        catch (XmlException e)
        {
            Fatal(batch, XmlFailure(e));
        }
        catch (InvalidDataException)
        {
            Fatal(batch, Truncated("was corrupt or ended early"));
        }
        catch (EndOfStreamException)
        {
            Fatal(batch, Truncated("ended early"));
        }

        return batch.MessageCount > 0 || batch.Errors.Count > 0;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _xml.Dispose();
        _file.Dispose();
    }

    private void Fatal(MessageBatch batch, RecordError error)
    {
        batch.Errors.Add(error);
        _state = State.Done;
    }

    private RecordError XmlFailure(XmlException e)
    {
        if (Length == 0)
        {
            return Empty();
        }

        return new RecordError(new SourceLocation(SourceName, e.LineNumber, e.LinePosition, PathSoFar),
            "well-formed XML", e.Message, Fatal: true);
    }

    private RecordError Empty() =>
        new(new SourceLocation(SourceName), "file is empty; expected an XES log", Fatal: true);

    private RecordError Truncated(string how) =>
        new(new SourceLocation(SourceName, Path: PathSoFar), "a complete gzip stream",
            $"the compressed stream {how} after {_file.Position} of {Length} compressed bytes", Fatal: true);
}
