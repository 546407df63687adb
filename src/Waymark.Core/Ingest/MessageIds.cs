using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;

namespace Waymark.Core.Ingest;

/// <summary>
/// Message ids: the 64-bit hash the store dedupes on, and stable ids for records that come
/// without one, so that importing the same file again adds nothing.
/// </summary>
public static class MessageIds
{
    /// <summary>The 64-bit XXH3 hash of the id's UTF-8 bytes. Stored on disk: never change it.</summary>
    public static ulong Hash(string messageId)
    {
        var count = Encoding.UTF8.GetMaxByteCount(messageId.Length);
        Span<byte> buffer = count <= 512 ? stackalloc byte[count] : new byte[count];
        var written = Encoding.UTF8.GetBytes(messageId, buffer);
        return Hash(buffer[..written]);
    }

    /// <summary>The same hash of an id already encoded as UTF-8 (<paramref name="utf8MessageId"/>).</summary>
    public static ulong Hash(ReadOnlySpan<byte> utf8MessageId) => XxHash3.HashToUInt64(utf8MessageId);

    /// <summary>
    /// A stable id for a record that has none: derived from the source's file name (not its
    /// folder, so a moved file is still the same source), the record's position in it and the
    /// record's own bytes (so that two different files of the same name do not collide).
    /// Shape: <c>wm1-</c> and 32 hex digits. Stored on disk: never change it.
    /// </summary>
    public static string Derive(string sourceName, long position, ReadOnlySpan<byte> content)
    {
        var hash = new XxHash128();
        hash.Append(Encoding.UTF8.GetBytes(Path.GetFileName(sourceName)));
        Span<byte> number = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(number, position);
        hash.Append(number);
        hash.Append(content);
        Span<byte> digest = stackalloc byte[16];
        hash.GetCurrentHash(digest);
        return string.Create(36, digest.ToArray(), static (chars, bytes) =>
        {
            "wm1-".AsSpan().CopyTo(chars);
            Convert.TryToHexStringLower(bytes, chars[4..], out _);
        });
    }

    /// <summary>A stable id derived from text content (see <see cref="Derive(string, long, ReadOnlySpan{byte})"/>).</summary>
    public static string Derive(string sourceName, long position, string content) =>
        Derive(sourceName, position, Encoding.UTF8.GetBytes(content));
}
