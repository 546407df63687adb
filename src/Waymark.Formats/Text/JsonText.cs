using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Waymark.Formats.Text;

/// <summary>Small helpers over JSON text held as UTF-8 bytes.</summary>
internal static class JsonText
{
    private static readonly SearchValues<byte> WhiteSpace = SearchValues.Create(" \t\r\n"u8);

    /// <summary>
    /// The compact form of already validated JSON: whitespace outside strings removed, everything
    /// else (escapes, number spelling, key order) kept byte for byte.
    /// </summary>
    public static string Compact(ReadOnlySpan<byte> json)
    {
        if (json.IndexOfAny(WhiteSpace) < 0)
        {
            return Encoding.UTF8.GetString(json);
        }

        var buffer = ArrayPool<byte>.Shared.Rent(json.Length);
        try
        {
            var length = CopyCompact(json, buffer);
            return Encoding.UTF8.GetString(buffer, 0, length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Checks that <paramref name="json"/> is exactly one JSON object with unique top-level keys
    /// and gives its compact text; otherwise a description of the problem. When the input is
    /// already compact, <paramref name="original"/> (the same text as a string, if the caller has
    /// it) is returned instead of a new string.
    /// </summary>
    public static bool TryCompactObject(ReadOnlySpan<byte> json, ObjectKeys keys, out string compact, out string problem,
        string? original = null)
    {
        compact = problem = "";
        var reader = new Utf8JsonReader(json);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                problem = "not a JSON object";
                return false;
            }

            var start = (int)reader.TokenStartIndex;
            keys.Clear();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (!keys.Add(reader.ValueIsEscaped ? Encoding.UTF8.GetBytes(reader.GetString()!) : reader.ValueSpan))
                {
                    problem = $"the key \"{reader.GetString()}\" twice";
                    return false;
                }

                reader.Read();
                reader.Skip();
            }

            var end = (int)reader.BytesConsumed;
            if (reader.Read())
            {
                problem = "more after the JSON object";
                return false;
            }

            compact = original is not null && start == 0 && end == json.Length && json.IndexOfAny(WhiteSpace) < 0
                ? original
                : Compact(json[start..end]);
            return true;
        }
        catch (JsonException e)
        {
            var at = e.Message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            problem = "invalid JSON: " + (at < 0 ? e.Message : e.Message[..at].TrimEnd('.', ' '));
            return false;
        }
    }

    /// <summary>How a token looks in an error message: a short quote of strings and numbers, else its kind.</summary>
    public static string Describe(ref Utf8JsonReader reader, ReadOnlySpan<byte> line)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject: return "an object";
            case JsonTokenType.StartArray: return "an array";
            case JsonTokenType.True: return "true";
            case JsonTokenType.False: return "false";
            case JsonTokenType.Null: return "null";
            default:
                var start = (int)reader.TokenStartIndex;
                var end = (int)Math.Min(reader.BytesConsumed, start + 60);
                var text = Encoding.UTF8.GetString(line[start..end]);
                return end < reader.BytesConsumed ? text + "…" : text;
        }
    }

    private static int CopyCompact(ReadOnlySpan<byte> json, Span<byte> target)
    {
        var length = 0;
        var inString = false;
        for (var i = 0; i < json.Length; i++)
        {
            var b = json[i];
            if (inString)
            {
                target[length++] = b;
                if (b == (byte)'\\')
                {
                    target[length++] = json[++i];
                }
                else if (b == (byte)'"')
                {
                    inString = false;
                }
            }
            else if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                target[length++] = b;
                inString = b == (byte)'"';
            }
        }

        return length;
    }
}
