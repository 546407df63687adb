using System.Text;
using System.Text.Json;
using Waymark.Core.Model;
using Waymark.Formats.Text;

namespace Waymark.Formats.Segment;

internal sealed partial class SegmentLineParser
{
    private const string TimeExpected = "an ISO 8601 time or Unix milliseconds";
    private const string KindExpected = "one of track, identify, group, page, screen, alias";

    private bool ReadKind(ref Utf8JsonReader reader, ReadOnlySpan<byte> line)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            Fields.Kind = reader.ValueTextEquals("track"u8) ? SegmentKind.Track
                : reader.ValueTextEquals("identify"u8) ? SegmentKind.Identify
                : reader.ValueTextEquals("group"u8) ? SegmentKind.Group
                : reader.ValueTextEquals("page"u8) ? SegmentKind.Page
                : reader.ValueTextEquals("screen"u8) ? SegmentKind.Screen
                : reader.ValueTextEquals("alias"u8) ? SegmentKind.Alias
                : SegmentKind.None;
        }

        return Fields.Kind != SegmentKind.None || Fail("$.type", reader, line, KindExpected);
    }

    // Ids are strings; a number is taken as its literal text; null and "" mean absent.
    private bool ReadId(ref Utf8JsonReader reader, ReadOnlySpan<byte> line, string path, out string? value, bool repeats = false)
    {
        value = null;
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return true;
            case JsonTokenType.String when repeats && !reader.ValueIsEscaped:
                value = reader.ValueSpan.IsEmpty ? null : _strings.Get(reader.ValueSpan);
                return true;
            case JsonTokenType.String:
                value = NullIfEmpty(reader.GetString());
                return true;
            case JsonTokenType.Number:
                value = Encoding.UTF8.GetString(reader.ValueSpan);
                return true;
            default:
                return Fail(path, reader, line, "a string");
        }
    }

    // Strings that repeat across lines (event names, channels, sources) come from the cache.
    private bool ReadString(ref Utf8JsonReader reader, ReadOnlySpan<byte> line, string path, out string? value)
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            return Fail(path, reader, line, "a string");
        }

        value = reader.ValueIsEscaped ? NullIfEmpty(reader.GetString())
            : reader.ValueSpan.IsEmpty ? null
            : _strings.Get(reader.ValueSpan);
        return true;
    }

    private bool ReadTime(ref Utf8JsonReader reader, ReadOnlySpan<byte> line, string path, out DateTime? value)
    {
        value = null;
        DateTime time;
        var ok = reader.TokenType switch
        {
            JsonTokenType.Null => true,
            JsonTokenType.String when !reader.ValueIsEscaped => Utf8Time.TryParse(reader.ValueSpan, out time)
                && (value = time) is not null,
            JsonTokenType.String => Timestamps.TryParse(reader.GetString(), out time) && (value = time) is not null,
            JsonTokenType.Number => reader.TryGetInt64(out var ms) && Timestamps.TryFromUnixMilliseconds(ms, out time)
                && (value = time) is not null,
            _ => false,
        };
        return ok || Fail(path, reader, line, TimeExpected);
    }

    private bool ReadNumber(ref Utf8JsonReader reader, ReadOnlySpan<byte> line, string path, out double? value)
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetDouble(out var number) || !double.IsFinite(number))
        {
            return Fail(path, reader, line, "a finite number");
        }

        value = number;
        return true;
    }

    private bool ReadSentiment(ref Utf8JsonReader reader, ReadOnlySpan<byte> line)
    {
        if (!ReadNumber(ref reader, line, "$.sentiment", out Fields.Sentiment))
        {
            return false;
        }

        return Fields.Sentiment is null or (>= -1 and <= 1) || Fail("$.sentiment", reader, line, "a number from -1 to 1");
    }

    private bool ReadActor(ref Utf8JsonReader reader, ReadOnlySpan<byte> line, string path, out Actor? actor)
    {
        actor = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        var text = reader.TokenType != JsonTokenType.String ? null
            : reader.ValueIsEscaped ? reader.GetString() : _strings.Get(reader.ValueSpan);
        if (text is not null && Names.TryParseActor(text, out var parsed))
        {
            actor = parsed;
            return true;
        }

        return Fail(path, reader, line, "an actor: one of " + string.Join(", ", Names.Actors));
    }

    private bool ReadRoles(ref Utf8JsonReader reader, ReadOnlySpan<byte> line)
    {
        var roles = Fields.Roles = [];
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return true;
            case JsonTokenType.String:
                AddRole(roles, reader.GetString());
                return true;
            case JsonTokenType.StartArray:
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (reader.TokenType != JsonTokenType.String)
                    {
                        return Fail("$.context.role[" + roles.Count + "]", reader, line, "a role name (string)");
                    }

                    AddRole(roles, reader.GetString());
                }

                return true;
            default:
                return Fail("$.context.role", reader, line, "a role name or an array of role names");
        }
    }

    // Properties and traits: the object's bytes, validated and compacted; keys of its top level
    // must be unique, and a numeric "value" among them is noted.
    private bool ReadObject(ref Utf8JsonReader reader, ReadOnlySpan<byte> line, string path, out string? json, out double? value)
    {
        json = null;
        value = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return Fail(path, reader, line, "a JSON object");
        }

        var start = (int)reader.TokenStartIndex;
        _keys.Clear();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var keyColumn = reader.TokenStartIndex + 1;
            var key = reader.ValueIsEscaped ? Encoding.UTF8.GetBytes(reader.GetString()!) : reader.ValueSpan;
            if (!_keys.Add(key))
            {
                return Fail(path + "." + Encoding.UTF8.GetString(key), keyColumn, "unique keys", "a repeated key");
            }

            var isValue = key.SequenceEqual("value"u8);
            reader.Read();
            if (isValue && reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out var number) && double.IsFinite(number))
            {
                value = number;
            }

            reader.Skip();
        }

        json = JsonText.Compact(line[start..(int)reader.BytesConsumed]);
        return true;
    }

    private static void AddRole(List<string> roles, string? role)
    {
        if (!string.IsNullOrEmpty(role))
        {
            roles.Add(role);
        }
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
