using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace Waymark.Storage.DuckDb;

/// <summary>
/// Reads or writes blocks of a file while hashing them with XXH3, so that a file's checksum
/// costs no second pass. Array reads refuse counts the rest of the file cannot hold, so a
/// corrupt size never allocates more than the file's length.
/// </summary>
internal sealed class ChecksumStream(Stream stream)
{
    private readonly XxHash3 _hash = new();

    /// <summary>The XXH3 of every byte read or written through this stream so far.</summary>
    public ulong Checksum => _hash.GetCurrentHashAsUInt64();

    /// <summary>The stream itself, for blocks that are checked otherwise.</summary>
    public Stream Stream => stream;

    /// <summary>Writes the values' bytes as they are in memory.</summary>
    public void Write<T>(ReadOnlySpan<T> values)
        where T : unmanaged
    {
        var bytes = MemoryMarshal.AsBytes(values);
        _hash.Append(bytes);
        stream.Write(bytes);
    }

    /// <summary>Reads <paramref name="count"/> values; throws <see cref="EndOfStreamException"/> when the rest of the file is shorter.</summary>
    public T[] ReadArray<T>(int count)
        where T : unmanaged
    {
        if (count < 0 || (long)count * Marshal.SizeOf<T>() > stream.Length - stream.Position)
        {
            throw new EndOfStreamException($"the file ends before {count} values of {Marshal.SizeOf<T>()} bytes");
        }

        var values = new T[count];
        var bytes = MemoryMarshal.AsBytes(values.AsSpan());
        stream.ReadExactly(bytes);
        _hash.Append(bytes);
        return values;
    }
}
