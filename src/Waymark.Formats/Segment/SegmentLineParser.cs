using System.Text.Json;
using Waymark.Core.Errors;
using Waymark.Formats.Text;

namespace Waymark.Formats.Segment;

/// <summary>
/// Walks one Segment JSON line once with <see cref="Utf8JsonReader"/> and gathers its fields;
/// the first problem stops the walk and is kept in <see cref="Error"/>.
/// </summary>
internal sealed partial class SegmentLineParser(string sourceName)
{
    private readonly ObjectKeys _keys = new();
    private readonly Utf8StringCache _strings = new();

    public SegmentFields Fields { get; } = new();

    public RecordError? Error { get; private set; }

    private long _line;

    // Where the name of the top-level field being read sits in the line, to name it when the
    // JSON breaks inside its value; kept as offsets so that good lines allocate nothing for it.
    private int _fieldStart;
    private int _fieldLength;

    /// <summary>Parses a line (valid UTF-8 already checked); false with <see cref="Error"/> set when it is bad.</summary>
    public bool Parse(ReadOnlySpan<byte> line, long lineNumber)
    {
        Fields.Reset();
        Error = null;
        _line = lineNumber;
        _fieldLength = 0;
        var reader = new Utf8JsonReader(line, new JsonReaderOptions { MaxDepth = 64 });
        try
        {
            return ParseObject(ref reader, line) && ExpectEnd(ref reader, line);
        }
        catch (JsonException e)
        {
            var path = _fieldLength == 0 ? "$" : "$." + System.Text.Encoding.UTF8.GetString(line.Slice(_fieldStart, _fieldLength));
            return Fail(path, (e.BytePositionInLine ?? 0) + 1, "valid JSON", TrimReaderMessage(e.Message));
        }
    }

    private bool ParseObject(ref Utf8JsonReader reader, ReadOnlySpan<byte> line)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return Fail("$", reader, line, "a JSON object");
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.ValueIsEscaped ? System.Text.Encoding.UTF8.GetBytes(reader.GetString()!) : reader.ValueSpan;
            _fieldStart = (int)reader.TokenStartIndex + 1;
            _fieldLength = reader.ValueSpan.Length;
            reader.Read();
            if (!Field(ref reader, line, name))
            {
                return false;
            }
        }

        return true;
    }

    private bool ExpectEnd(ref Utf8JsonReader reader, ReadOnlySpan<byte> line)
    {
        // Reading past the object makes the reader reject anything but whitespace after it.
        if (reader.Read())
        {
            return Fail("$", reader, line, "nothing after the JSON object");
        }

        return true;
    }

    private bool Field(ref Utf8JsonReader reader, ReadOnlySpan<byte> line, ReadOnlySpan<byte> name)
    {
        var f = Fields;
        if (name.SequenceEqual("type"u8))
        {
            return ReadKind(ref reader, line);
        }

        if (name.SequenceEqual("messageId"u8))
        {
            return ReadId(ref reader, line, "$.messageId", out f.MessageId);
        }

        if (name.SequenceEqual("timestamp"u8))
        {
            return ReadTime(ref reader, line, "$.timestamp", out f.Timestamp);
        }

        if (name.SequenceEqual("userId"u8))
        {
            return ReadId(ref reader, line, "$.userId", out f.UserId);
        }

        if (name.SequenceEqual("anonymousId"u8))
        {
            return ReadId(ref reader, line, "$.anonymousId", out f.AnonymousId);
        }

        if (name.SequenceEqual("event"u8))
        {
            return ReadString(ref reader, line, "$.event", out f.EventName);
        }

        if (name.SequenceEqual("properties"u8))
        {
            return ReadObject(ref reader, line, "$.properties", out f.Properties, out f.PropertiesValue);
        }

        if (name.SequenceEqual("context"u8))
        {
            return ReadContext(ref reader, line);
        }

        return OtherField(ref reader, line, name);
    }

    private bool OtherField(ref Utf8JsonReader reader, ReadOnlySpan<byte> line, ReadOnlySpan<byte> name)
    {
        var f = Fields;
        if (name.SequenceEqual("traits"u8))
        {
            return ReadObject(ref reader, line, "$.traits", out f.Traits, out _);
        }

        if (name.SequenceEqual("groupId"u8))
        {
            return ReadId(ref reader, line, "$.groupId", out f.GroupId);
        }

        if (name.SequenceEqual("previousId"u8))
        {
            return ReadId(ref reader, line, "$.previousId", out f.PreviousId);
        }

        if (name.SequenceEqual("originalTimestamp"u8))
        {
            return ReadTime(ref reader, line, "$.originalTimestamp", out f.OriginalTimestamp);
        }

        if (name.SequenceEqual("sentAt"u8))
        {
            return ReadTime(ref reader, line, "$.sentAt", out f.SentAt);
        }

        if (name.SequenceEqual("receivedAt"u8))
        {
            return ReadTime(ref reader, line, "$.receivedAt", out f.ReceivedAt);
        }

        return ExtensionField(ref reader, line, name);
    }

    private bool ExtensionField(ref Utf8JsonReader reader, ReadOnlySpan<byte> line, ReadOnlySpan<byte> name)
    {
        var f = Fields;
        if (name.SequenceEqual("channel"u8))
        {
            return ReadString(ref reader, line, "$.channel", out f.Channel);
        }

        if (name.SequenceEqual("source"u8))
        {
            return ReadString(ref reader, line, "$.source", out f.Source);
        }

        if (name.SequenceEqual("actor"u8))
        {
            return ReadActor(ref reader, line, "$.actor", out f.Actor);
        }

        if (name.SequenceEqual("value"u8))
        {
            f.ValueGiven = true;
            return ReadNumber(ref reader, line, "$.value", out f.Value);
        }

        if (name.SequenceEqual("sentiment"u8))
        {
            return ReadSentiment(ref reader, line);
        }

        if (name.SequenceEqual("name"u8))
        {
            return ReadString(ref reader, line, "$.name", out f.PageName);
        }

        if (name.SequenceEqual("category"u8))
        {
            return ReadString(ref reader, line, "$.category", out f.PageCategory);
        }

        reader.Skip();
        return true;
    }

    private bool ReadContext(ref Utf8JsonReader reader, ReadOnlySpan<byte> line)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return Fail("$.context", reader, line, "a JSON object");
        }

        var f = Fields;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var ok = true;
            if (reader.ValueTextEquals("groupId"u8))
            {
                reader.Read();
                ok = ReadId(ref reader, line, "$.context.groupId", out f.ContextGroupId, repeats: true);
            }
            else if (reader.ValueTextEquals("channel"u8))
            {
                reader.Read();
                ok = ReadString(ref reader, line, "$.context.channel", out f.ContextChannel);
            }
            else if (reader.ValueTextEquals("source"u8))
            {
                reader.Read();
                ok = ReadString(ref reader, line, "$.context.source", out f.ContextSource);
            }
            else if (reader.ValueTextEquals("actor"u8))
            {
                reader.Read();
                ok = ReadActor(ref reader, line, "$.context.actor", out f.ContextActor);
            }
            else if (reader.ValueTextEquals("role"u8))
            {
                reader.Read();
                ok = ReadRoles(ref reader, line);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }

            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private bool Fail(string path, Utf8JsonReader reader, ReadOnlySpan<byte> line, string expected) =>
        Fail(path, reader.TokenStartIndex + 1, expected, Text.JsonText.Describe(ref reader, line));

    private bool Fail(string path, long column, string expected, string? found)
    {
        Error = new RecordError(new SourceLocation(sourceName, _line, column, path), expected, found);
        return false;
    }

    // Utf8JsonReader's messages end with its own (0-based) position, which the location states.
    private static string TrimReaderMessage(string message)
    {
        var at = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return at < 0 ? message : message[..at].TrimEnd('.', ' ');
    }
}
