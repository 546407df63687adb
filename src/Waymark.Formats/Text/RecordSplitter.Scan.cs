namespace Waymark.Formats.Text;

internal sealed partial class RecordSplitter
{
    private enum CsvState : byte { FieldStart, Unquoted, Quoted, QuoteInQuoted }

    // Returns the index of the line feed that ends the current record, or -1 after scanning all
    // buffered bytes; the scan position and the CSV state carry over to the next call.
    private int FindEnd()
    {
        if (!_csv)
        {
            var at = _buffer.AsSpan(_scan, _end - _scan).IndexOf((byte)'\n');
            if (at < 0)
            {
                _scan = _end;
                return -1;
            }

            return _scan + at;
        }

        return FindCsvEnd();
    }

    private int FindCsvEnd()
    {
        var i = _scan;
        while (i < _end)
        {
            switch (_state)
            {
                case CsvState.FieldStart:
                    _state = _buffer[i] == (byte)'"' ? CsvState.Quoted : CsvState.Unquoted;
                    if (_state == CsvState.Quoted)
                    {
                        i++;
                    }

                    break;
                case CsvState.Unquoted:
                    var stop = _buffer.AsSpan(i, _end - i).IndexOfAny(Delimiter, (byte)'\n');
                    if (stop < 0)
                    {
                        i = _end;
                        break;
                    }

                    i += stop;
                    if (_buffer[i] == (byte)'\n')
                    {
                        _scan = i + 1;
                        return i;
                    }

                    _state = CsvState.FieldStart;
                    i++;
                    break;
                case CsvState.Quoted:
                    i = SkipQuoted(i);
                    break;
                default:
                    // A doubled quote stays inside the field; anything else closes it.
                    if (_buffer[i] == (byte)'"')
                    {
                        _state = CsvState.Quoted;
                        i++;
                    }
                    else
                    {
                        _state = CsvState.Unquoted;
                    }

                    break;
            }
        }

        _scan = i;
        return -1;
    }

    // Moves through a quoted field from i: past doubled quotes, counting line feeds, to just after
    // its closing quote (state QuoteInQuoted, which decides at the next byte whether the quote was
    // doubled across the end of the buffer) or to the end of the buffer. A byte loop: JSON in a
    // cell has a quote every few bytes, too close for a vectorised search to pay at each one.
    private int SkipQuoted(int i)
    {
        var buffer = _buffer;
        while (i < _end)
        {
            var b = buffer[i++];
            if (b == (byte)'\n')
            {
                _newlines++;
            }
            else if (b == (byte)'"')
            {
                if (i < _end && buffer[i] == (byte)'"')
                {
                    i++;
                    continue;
                }

                _state = CsvState.QuoteInQuoted;
                return i;
            }
        }

        return i;
    }
}
