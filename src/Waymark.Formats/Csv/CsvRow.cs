using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using Waymark.Core.Errors;
using Waymark.Core.Ingest;
using Waymark.Formats.Tables;
using Waymark.Formats.Text;

namespace Waymark.Formats.Csv;

/// <summary>
/// One CSV row split into fields (RFC 4180): a field that starts with <c>"</c> is quoted, <c>""</c>
/// inside it is one quote, and it may hold delimiters and line breaks; a quote elsewhere is an
/// ordinary character. The row's bytes are copied into a reused buffer, so nothing is allocated
/// per row until a cell is turned into a string.
/// </summary>
internal sealed partial class CsvRow(string sourceName) : ITableRow
{
    private readonly Utf8StringCache _strings = new();
    private byte[] _row = new byte[4096];
    private byte[] _unquoted = new byte[1024];
    private int _rowLength;
    private int _unquotedLength;
    private int[] _offsets = new int[32];
    private int[] _starts = new int[32];
    private int[] _lengths = new int[32];
    private bool[] _inUnquoted = new bool[32];
    private long _line;

    /// <summary>How many fields the row has.</summary>
    public int Count { get; private set; }

    /// <summary>The 0-based byte offset in the row of a problem found by <see cref="TrySplit"/>.</summary>
    public int ProblemOffset { get; private set; }

    /// <summary>Splits <paramref name="record"/>; false when a closing quote is followed by something other than a delimiter.</summary>
    public bool TrySplit(ReadOnlySpan<byte> record, byte delimiter, long line)
    {
        _line = line;
        if (_row.Length < record.Length)
        {
            _row = new byte[Math.Max(record.Length, _row.Length * 2)];
        }

        record.CopyTo(_row);
        _rowLength = record.Length;
        _unquotedLength = 0;
        Count = 0;
        var position = 0;
        while (true)
        {
            var end = _rowLength > position && _row[position] == (byte)'"'
                ? Quoted(position, delimiter)
                : Unquoted(position, delimiter);
            if (end < 0)
            {
                return false;
            }

            if (end >= _rowLength)
            {
                return true;
            }

            position = end + 1;
        }
    }

    /// <summary>The cell's bytes, unquoted.</summary>
    public ReadOnlySpan<byte> Cell(int column) => (_inUnquoted[column] ? _unquoted : _row).AsSpan(_starts[column], _lengths[column]);

    /// <inheritdoc />
    public bool IsEmpty(int column) => _lengths[column] == 0;

    /// <inheritdoc />
    public string? GetString(int column) => _lengths[column] == 0 ? null : Encoding.UTF8.GetString(Cell(column));

    /// <inheritdoc />
    public string? GetRepeatedString(int column) => _lengths[column] == 0 ? null : _strings.Get(Cell(column));

    /// <inheritdoc />
    public ReadOnlySpan<byte> GetUtf8(int column, out string? text)
    {
        text = null;
        return Cell(column);
    }

    /// <inheritdoc />
    public bool TryGetTime(int column, out DateTime time)
    {
        var cell = Cell(column);
        if (Utf8Time.TryParse(cell, out time))
        {
            return true;
        }

        return Utf8Parser.TryParse(cell, out long milliseconds, out var used) && used == cell.Length
            && Core.Model.Timestamps.TryFromUnixMilliseconds(milliseconds, out time);
    }

    /// <inheritdoc />
    public bool TryGetNumber(int column, out double value)
    {
        var cell = Cell(column);
        return Utf8Parser.TryParse(cell, out value, out var used) && used == cell.Length && double.IsFinite(value);
    }

    /// <inheritdoc />
    public string Describe(int column)
    {
        var cell = Cell(column);
        var shown = Encoding.UTF8.GetString(cell[..Math.Min(cell.Length, 60)]);
        return "\"" + shown + (cell.Length > 60 ? "…\"" : "\"");
    }

    /// <inheritdoc />
    public void WriteProperty(Utf8JsonWriter writer, JsonEncodedText key, int column) => CellTypes.Write(writer, key, Cell(column));

    /// <inheritdoc />
    public SourceLocation Locate(int column) => column < 0 ? new SourceLocation(sourceName, _line) : LocateOffset(_offsets[column]);

    /// <summary>The line and 1-based byte column of an offset in the row, which may span lines.</summary>
    public SourceLocation LocateOffset(int offset)
    {
        var before = _row.AsSpan(0, Math.Min(offset, _rowLength));
        var lastBreak = before.LastIndexOf((byte)'\n');
        return new SourceLocation(sourceName, _line + before.Count((byte)'\n'), offset - lastBreak);
    }

    /// <inheritdoc />
    public string DeriveMessageId() => MessageIds.Derive(sourceName, _line, _row.AsSpan(0, _rowLength));
}
