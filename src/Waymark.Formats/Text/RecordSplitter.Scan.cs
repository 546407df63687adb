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
                    var rest = _buffer.AsSpan(i, _end - i);
                    var quote = rest.IndexOf((byte)'"');
                    var inside = quote < 0 ? rest : rest[..quote];
                    _newlines += inside.Count((byte)'\n');
                    i = quote < 0 ? _end : i + quote + 1;
                    _state = quote < 0 ? CsvState.Quoted : CsvState.QuoteInQuoted;
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
}
