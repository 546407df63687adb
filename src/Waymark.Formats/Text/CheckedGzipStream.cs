using System.IO.Compression;

namespace Waymark.Formats.Text;

/// <summary>
/// Reads a gzip stream and reports a truncated one. .NET's <see cref="GZipStream"/> ends
/// quietly when the compressed data stops early, so at the end the number of bytes produced is
/// compared with the size the gzip trailer records (RFC 1952, modulo 2^32); a mismatch throws
/// <see cref="InvalidDataException"/>. A file of several concatenated gzip members whose last
/// member's size differs from the total is therefore also reported, which is rare in practice.
/// </summary>
internal sealed class CheckedGzipStream(GZipStream inner, uint? expectedSize) : Stream
{
    private long _produced;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _produced;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int read;
        try
        {
            read = inner.Read(buffer);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"the gzip data is corrupt after {_produced} decompressed bytes: {e.Message}", e);
        }

        _produced += read;
        if (read == 0 && buffer.Length > 0 && (expectedSize is null || (uint)_produced != expectedSize))
        {
            throw new InvalidDataException(
                $"the gzip stream is truncated: it ends after {_produced} decompressed bytes, " +
                (expectedSize is null ? "without a trailer" : $"but its trailer records {expectedSize} (mod 2^32)"));
        }

        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
