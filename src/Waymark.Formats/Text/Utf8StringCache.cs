using System.IO.Hashing;
using System.Text;

namespace Waymark.Formats.Text;

/// <summary>
/// Reuses the string of recently seen short UTF-8 values (event names, channels, sources,
/// accounts), which repeat from record to record, so that a reader does not decode and allocate
/// them again. A direct-mapped table: a collision simply replaces the entry.
/// </summary>
internal sealed class Utf8StringCache
{
    private const int Size = 1024;
    private const int MaxBytes = 64;

    private readonly byte[]?[] _bytes = new byte[Size][];
    private readonly string[] _strings = new string[Size];

    /// <summary>The string of <paramref name="utf8"/> (valid UTF-8).</summary>
    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxBytes)
        {
            return Encoding.UTF8.GetString(utf8);
        }

        var slot = (int)(XxHash3.HashToUInt64(utf8) & (Size - 1));
        var known = _bytes[slot];
        if (known is not null && utf8.SequenceEqual(known))
        {
            return _strings[slot];
        }

        var text = Encoding.UTF8.GetString(utf8);
        _bytes[slot] = utf8.ToArray();
        _strings[slot] = text;
        return text;
    }
}
