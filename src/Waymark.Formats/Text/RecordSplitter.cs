using System.Diagnostics;

namespace Waymark.Formats.Text;

/// <summary>What <see cref="RecordSplitter.Next"/> found.</summary>
internal enum RecordStatus : byte
{
    /// <summary>A record (possibly blank) is in the span.</summary>
    Record,
    /// <summary>A record longer than the limit was skipped; <see cref="RecordSplitter.SkippedLength"/> says how long.</summary>
    TooLong,
    /// <summary>The stream is exhausted.</summary>
    End,
}

/// <summary>
/// Splits a byte stream into records at line feeds, reading it in chunks into one reused buffer.
/// A record ends at <c>\n</c>; a <c>\r</c> before it is dropped. In CSV mode a line feed inside a
/// quoted field (RFC 4180: a field that starts with <c>"</c>, with <c>""</c> for a quote) does not
/// end the record. A record longer than the limit is skipped to its end without being buffered,
/// so memory stays at about the limit plus one chunk whatever the input. A leading UTF-8 byte
/// order mark is skipped.
/// </summary>
internal sealed partial class RecordSplitter
{
    private const int ChunkBytes = 1 << 20;

    private readonly Stream _stream;
    private readonly int _maxRecordBytes;
    private readonly int _bufferLimit;
    private readonly bool _csv;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private int _scan;
    private bool _eof;
    private bool _started;
    private long _nextLine = 1;
    private int _newlines;
    private CsvState _state;

    public RecordSplitter(Stream stream, int maxRecordBytes, bool csv = false, byte delimiter = (byte)',')
    {
        Debug.Assert(maxRecordBytes > 0);
        _stream = stream;
        _maxRecordBytes = maxRecordBytes;
        _csv = csv;
        Delimiter = delimiter;
        _bufferLimit = (int)Math.Min(Array.MaxLength, (long)maxRecordBytes + ChunkBytes + 1);
        _buffer = new byte[Math.Min(_bufferLimit, 2 * ChunkBytes)];
    }

    /// <summary>The CSV field delimiter; may be set after <see cref="Peek"/> and before the first record.</summary>
    public byte Delimiter { get; set; }

    /// <summary>The 1-based physical line where the last record (or skipped record) starts.</summary>
    public long RecordLine { get; private set; }

    /// <summary>The length in bytes of the last skipped record.</summary>
    public long SkippedLength { get; private set; }

    /// <summary>True when the last record ended inside a quoted field (CSV mode, end of stream).</summary>
    public bool Unterminated { get; private set; }

    /// <summary>Decompressed bytes read from the stream so far.</summary>
    public long BytesRead { get; private set; }

    /// <summary>The 1-based line the next record starts on.</summary>
    public long NextLine => _nextLine;

    /// <summary>
    /// The first bytes of the stream (at least one chunk unless the stream is shorter), after any
    /// byte order mark, without consuming them; used to detect a CSV delimiter.
    /// </summary>
    public ReadOnlySpan<byte> Peek()
    {
        EnsureStarted();
        while (!_eof && _end - _start < ChunkBytes && _end < _buffer.Length)
        {
            Fill();
        }

        return _buffer.AsSpan(_start, _end - _start);
    }

    /// <summary>Reads the next record; the span is valid until the next call.</summary>
    public RecordStatus Next(out ReadOnlySpan<byte> record)
    {
        EnsureStarted();
        RecordLine = _nextLine;
        _newlines = 0;
        _state = CsvState.FieldStart;
        Unterminated = false;
        while (true)
        {
            var end = FindEnd();
            if (end >= 0)
            {
                return Take(end, end + 1, out record);
            }

            if (_end - _start > _maxRecordBytes)
            {
                record = default;
                return SkipTooLong();
            }

            if (_eof)
            {
                if (_start == _end)
                {
                    record = default;
                    return RecordStatus.End;
                }

                Unterminated = _csv && _state is CsvState.Quoted;
                return Take(_end, _end, out record);
            }

            Fill();
        }
    }

    private RecordStatus Take(int end, int next, out ReadOnlySpan<byte> record)
    {
        var length = end - _start;
        var start = _start;
        _start = next;
        _scan = next;
        _nextLine += 1 + _newlines;
        if (length > _maxRecordBytes)
        {
            SkippedLength = length;
            record = default;
            return RecordStatus.TooLong;
        }

        if (length > 0 && _buffer[start + length - 1] == (byte)'\r')
        {
            length--;
        }

        record = _buffer.AsSpan(start, length);
        return RecordStatus.Record;
    }

    // Drops what is buffered and reads on to the record's end, counting but never keeping it.
    private RecordStatus SkipTooLong()
    {
        long length = _end - _start;
        _start = _end = _scan = 0;
        while (true)
        {
            Fill();
            var end = FindEnd();
            if (end >= 0)
            {
                SkippedLength = length + end;
                _start = _scan = end + 1;
                break;
            }

            length += _end;
            _start = _end = _scan = 0;
            if (_eof)
            {
                SkippedLength = length;
                break;
            }
        }

        _nextLine += 1 + _newlines;
        return RecordStatus.TooLong;
    }

    private void EnsureStarted()
    {
        if (_started)
        {
            return;
        }

        _started = true;
        while (!_eof && _end < 3)
        {
            Fill();
        }

        if (_end >= 3 && _buffer[0] == 0xEF && _buffer[1] == 0xBB && _buffer[2] == 0xBF)
        {
            _start = _scan = 3;
        }
    }

    private void Fill()
    {
        if (_buffer.Length - _end < ChunkBytes && _start > 0)
        {
            var kept = _end - _start;
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, kept);
            _scan -= _start;
            _end = kept;
            _start = 0;
        }

        if (_buffer.Length - _end < ChunkBytes && _buffer.Length < _bufferLimit)
        {
            Array.Resize(ref _buffer, (int)Math.Min(_bufferLimit, 2L * _buffer.Length));
        }

        var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _eof = true;
        }

        _end += read;
        BytesRead += read;
    }
}
