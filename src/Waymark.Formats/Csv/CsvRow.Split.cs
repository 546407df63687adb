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
        var quote = _row.AsSpan(start, _rowLength - start).IndexOf((byte)'"');
        if (quote < 0)
        {
            // The splitter hands over an unterminated field only at the end of the input.
            ProblemOffset = position;
            return -1;
        }

        var i = start + quote;
        var doubled = i + 1 < _rowLength && _row[i + 1] == (byte)'"';
        var copyFrom = -1;
        if (doubled)
        {
            copyFrom = AppendUnquoted(-1, start, i + 1);
            i = CollapseQuotes(i + 2);
            if (i < 0)
            {
                ProblemOffset = position;
                return -1;
            }
        }

        var after = i + 1;
        if (after < _rowLength && _row[after] != delimiter)
        {
            ProblemOffset = after;
            return -1;
        }

        if (doubled)
        {
            Add(position, copyFrom, _unquotedLength - copyFrom, inUnquoted: true);
        }
        else
        {
            Add(position, start, i - start, inUnquoted: false);
        }

        return after;
    }

    // Copies a quoted field's bytes from position on to the unquoted buffer, a doubled quote as
    // one, up to its closing quote; returns the closing quote's index, or -1 when there is none.
    // A byte loop: JSON in a cell has a quote every few bytes, too close for a vectorised search
    // to pay for itself at each one.
    private int CollapseQuotes(int position)
    {
        if (_unquoted.Length < _unquotedLength + _rowLength - position)
        {
            Array.Resize(ref _unquoted, Math.Max(_unquoted.Length * 2, _unquotedLength + _rowLength - position));
        }

        var row = _row;
        var unquoted = _unquoted;
        var length = _unquotedLength;
        var i = position;
        while (i < _rowLength)
        {
            var b = row[i];
            if (b == (byte)'"')
            {
                if (i + 1 >= _rowLength || row[i + 1] != (byte)'"')
                {
                    _unquotedLength = length;
                    return i;
                }

                i++;
            }

            unquoted[length++] = b;
            i++;
        }

        _unquotedLength = length;
        return -1;
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
