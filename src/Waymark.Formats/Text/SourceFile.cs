using System.Buffers.Binary;
using System.IO.Compression;

namespace Waymark.Formats.Text;

/// <summary>
/// A file opened for reading, decompressed when it is gzip (told by its first two bytes, not
/// its name). Progress is measured on the file itself: <see cref="Position"/> counts bytes of
/// the (compressed) file consumed, <see cref="Length"/> is the file's size. Every reader opens
/// its file through here, so gzip and its truncation check are handled once.
/// </summary>
internal sealed class SourceFile : IDisposable
{
    private const int FileBufferBytes = 1 << 16;

    private readonly FileStream _file;

    private SourceFile(FileStream file, Stream content)
    {
        _file = file;
        Content = content;
    }

    /// <summary>The bytes to parse: the file's own, or the decompressed ones.</summary>
    public Stream Content { get; }

    /// <summary>Bytes of the file consumed so far.</summary>
    public long Position => _file.CanSeek ? _file.Position : 0;

    /// <summary>The file's size in bytes.</summary>
    public long Length { get; private init; }

    /// <summary>True when the file is gzip.</summary>
    public bool IsGzip { get; private init; }

    /// <summary>Opens <paramref name="path"/>; gzip content is decompressed.</summary>
    public static SourceFile Open(string path)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileBufferBytes,
            FileOptions.SequentialScan);
        var length = file.Length;
        if (!StartsLikeGzip(file))
        {
            return new SourceFile(file, file) { Length = length };
        }

        var expected = ReadTrailerSize(file);
        var content = new CheckedGzipStream(new GZipStream(file, CompressionMode.Decompress, leaveOpen: true), expected);
        return new SourceFile(file, content) { Length = length, IsGzip = true };
    }

    public void Dispose()
    {
        Content.Dispose();
        _file.Dispose();
    }

    // RFC 1952: every gzip member starts with the bytes 1f 8b.
    private static bool StartsLikeGzip(FileStream file)
    {
        Span<byte> magic = stackalloc byte[2];
        var gzip = file.ReadAtLeast(magic, 2, throwOnEndOfStream: false) == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
        file.Seek(0, SeekOrigin.Begin);
        return gzip;
    }

    // The last four bytes of a gzip member are the uncompressed size modulo 2^32 (RFC 1952).
    private static uint? ReadTrailerSize(FileStream file)
    {
        if (file.Length < 18)
        {
            return null;
        }

        Span<byte> trailer = stackalloc byte[4];
        file.Seek(-4, SeekOrigin.End);
        file.ReadExactly(trailer);
        file.Seek(0, SeekOrigin.Begin);
        return BinaryPrimitives.ReadUInt32LittleEndian(trailer);
    }
}
