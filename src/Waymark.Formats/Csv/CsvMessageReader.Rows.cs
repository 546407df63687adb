using System.Text;
using System.Text.Unicode;
using Waymark.Core.Errors;
using Waymark.Core.Ingest;
using Waymark.Formats.Tables;
using Waymark.Formats.Text;

namespace Waymark.Formats.Csv;

public sealed partial class CsvMessageReader
{
    private TableColumns ReadHeader(TableMapping mapping)
    {
        var status = _splitter.Next(out var record);
        var location = new SourceLocation(SourceName, _splitter.RecordLine);
        if (status == RecordStatus.End)
        {
            ThrowHelper.ThrowInput(new SourceLocation(SourceName), "file is empty; expected a header row naming the columns");
        }

        if (status == RecordStatus.TooLong || _splitter.Unterminated || !Utf8.IsValid(record)
            || !_row.TrySplit(record, _splitter.Delimiter, _splitter.RecordLine))
        {
            ThrowHelper.ThrowInput(location, "a header row of column names", "a header that cannot be read (too long, bad quoting or not UTF-8)");
        }

        var names = new string[_row.Count];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = Encoding.UTF8.GetString(_row.Cell(i)).Trim();
        }

        return new TableColumns(names, mapping, location);
    }

    private void ReadOne(MessageBatch batch)
    {
        RecordStatus status;
        ReadOnlySpan<byte> record;
        try
        {
            status = _splitter.Next(out record);
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            batch.Errors.Add(new RecordError(new SourceLocation(SourceName, _splitter.NextLine), "the rest of the file",
                $"{e.Message} (reading stopped at line {_splitter.NextLine}, after {_file.Position} of {_file.Length} bytes of the file)",
                Fatal: true));
            _done = true;
            return;
        }

        switch (status)
        {
            case RecordStatus.End:
                _done = true;
                return;
            case RecordStatus.TooLong:
                Reject(batch, new SourceLocation(SourceName, _splitter.RecordLine),
                    $"a row of at most {_maxRecordBytes} bytes", $"a row of {_splitter.SkippedLength} bytes");
                return;
            default:
                ReadRow(batch, record);
                return;
        }
    }

    private void ReadRow(MessageBatch batch, ReadOnlySpan<byte> record)
    {
        var line = _splitter.RecordLine;
        if (record.IsEmpty)
        {
            return;
        }

        if (!Utf8.IsValid(record))
        {
            _row.TrySplit(record, _splitter.Delimiter, line);
            var offset = Utf8Check.FirstInvalidOffset(record);
            Reject(batch, _row.LocateOffset(offset), "UTF-8 text", $"an invalid UTF-8 byte 0x{record[offset]:X2}");
            return;
        }

        if (!_row.TrySplit(record, _splitter.Delimiter, line))
        {
            RejectQuote(batch, record);
            return;
        }

        if (_row.Count != _columns.Count)
        {
            Reject(batch, new SourceLocation(SourceName, line), $"{_columns.Count} fields, as in the header", $"{_row.Count} fields");
            return;
        }

        if (!_builder.TryAdd(_row, batch))
        {
            batch.Errors.Add(_builder.Error!);
        }
    }

    private void RejectQuote(MessageBatch batch, ReadOnlySpan<byte> record)
    {
        var at = _row.ProblemOffset;
        if (_splitter.Unterminated || at >= record.Length || record[at] == (byte)'"')
        {
            Reject(batch, _row.LocateOffset(at), "a closing quote for the field that starts here", "the end of the file");
        }
        else
        {
            Reject(batch, _row.LocateOffset(at), "a delimiter or the end of the row after a closing quote",
                "\"" + Encoding.UTF8.GetString(record.Slice(at, Math.Min(20, record.Length - at))) + "\"");
        }
    }

    private static void Reject(MessageBatch batch, SourceLocation location, string expected, string found) =>
        batch.Errors.Add(new RecordError(location, expected, found));
}
