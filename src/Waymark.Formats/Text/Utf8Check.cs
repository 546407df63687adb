using System.Buffers;
using System.Text;

namespace Waymark.Formats.Text;

/// <summary>Finds where UTF-8 text goes wrong, for error messages.</summary>
internal static class Utf8Check
{
    /// <summary>The 0-based offset of the first byte that does not start a valid UTF-8 sequence, or -1.</summary>
    public static int FirstInvalidOffset(ReadOnlySpan<byte> bytes)
    {
        var offset = 0;
        while (offset < bytes.Length)
        {
            if (Rune.DecodeFromUtf8(bytes[offset..], out _, out var consumed) != OperationStatus.Done)
            {
                return offset;
            }

            offset += consumed;
        }

        return -1;
    }
}
