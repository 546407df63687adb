namespace Waymark.Formats.Csv;

internal sealed partial class CsvRow
{
    // An unquoted field from position to the next delimiter; returns the delimiter's index or the row length.
    private int Unquoted(int position, byte delimiter)
    {
        var length = _row.AsSpan(position, _rowLength - position).IndexOf(delimiter);
        var end = length < 0 ? _rowLength : position + length;
        Add(position, position, end - position, inUnquoted: false);
        return end;
    }

    // A quoted field starting at the quote; doubled quotes are copied out single.
    private int Quoted(int position, byte delimiter)
    {
        var start = position + 1;
        var i = start;
        var copyFrom = -1;
        while (true)
        {
            var quote = _row.AsSpan(i, _rowLength - i).IndexOf((byte)'"');
            if (quote < 0)
            {
                // The splitter hands over an unterminated field only at the end of the input.
                ProblemOffset = position;
                return -1;
            }

            i += quote;
            if (i + 1 < _rowLength && _row[i + 1] == (byte)'"')
            {
                copyFrom = AppendUnquoted(copyFrom, start, i + 1);
                start = i + 2;
                i += 2;
                continue;
            }

            break;
        }

        var after = i + 1;
        if (after < _rowLength && _row[after] != delimiter)
        {
            ProblemOffset = after;
            return -1;
        }

        if (copyFrom >= 0)
        {
            copyFrom = AppendUnquoted(copyFrom, start, i);
            Add(position, copyFrom, _unquotedLength - copyFrom, inUnquoted: true);
        }
        else
        {
            Add(position, start, i - start, inUnquoted: false);
        }

        return after;
    }

    // Copies row bytes [from, to) to the unquoted buffer; returns where this field's copy began.
    private int AppendUnquoted(int fieldStart, int from, int to)
    {
        var begin = fieldStart < 0 ? _unquotedLength : fieldStart;
        var count = to - from;
        if (_unquoted.Length < _unquotedLength + count)
        {
            Array.Resize(ref _unquoted, Math.Max(_unquoted.Length * 2, _unquotedLength + count));
        }

        _row.AsSpan(from, count).CopyTo(_unquoted.AsSpan(_unquotedLength));
        _unquotedLength += count;
        return begin;
    }

    private void Add(int offset, int start, int length, bool inUnquoted)
    {
        if (Count == _starts.Length)
        {
            var size = Count * 2;
            Array.Resize(ref _offsets, size);
            Array.Resize(ref _starts, size);
            Array.Resize(ref _lengths, size);
            Array.Resize(ref _inUnquoted, size);
        }

        _offsets[Count] = offset;
        _starts[Count] = start;
        _lengths[Count] = length;
        _inUnquoted[Count] = inUnquoted;
        Count++;
    }
}
