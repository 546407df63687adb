using Parquet;
using Parquet.Schema;
using Waymark.Core.Errors;
using Waymark.Core.Ingest;
using Waymark.Formats.Tables;

namespace Waymark.Formats.Parquet;

/// <summary>
/// Reads events and profile messages from a Parquet file, one row group at a time (memory is
/// bounded by one row group). Columns are mapped exactly as <see cref="Csv.CsvMessageReader"/>
/// maps them, and follow the same row rules, with the column types kept: strings; integers of
/// up to 64 bits; <c>float</c>, <c>double</c> and <c>decimal</c> as double; booleans; dates and
/// timestamps (read as UTC). Only top-level, non-repeated columns of those types are read; others
/// are ignored. The time column may be a timestamp, an ISO 8601 string or integer Unix
/// milliseconds. A null or empty string cell is an absent value. Errors are located as
/// <c>row N</c> (1-based over the file). A row without a message id gets
/// <see cref="MessageIds.Derive(string, long, string)"/> of the source name, the row number and
/// the row's cells as text separated by U+001F.
/// </summary>
public sealed class ParquetMessageReader : IMessageReader
{
    private readonly FileStream _file;
    private readonly ParquetReader _reader;
    private readonly ParquetColumn?[] _columns;
    private readonly ParquetRow _row;
    private readonly TableMessageBuilder _builder;
    private int _group;
    private int _groupRows;
    private long _rowsBefore;
    private bool _done;

    /// <summary>
    /// Opens <paramref name="path"/> and reads its schema; throws <see cref="InputException"/> when it
    /// is not a Parquet file or a needed column is missing.
    /// </summary>
    public ParquetMessageReader(string path, ReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= new ReaderOptions();
        SourceName = options.SourceName ?? path;
        _file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        try
        {
            _reader = Open(_file, SourceName);
            var fields = _reader.Schema.Fields;
            var names = new string[fields.Count];
            var unreadable = new bool[fields.Count];
            _columns = new ParquetColumn?[fields.Count];
            for (var i = 0; i < fields.Count; i++)
            {
                names[i] = fields[i].Name;
                if (fields[i] is DataField { IsArray: false } data && ParquetColumn.KindOf(data) is { } kind)
                {
                    _columns[i] = new ParquetColumn(data, kind);
                }
                else
                {
                    unreadable[i] = true;
                }
            }

            var columns = new TableColumns(names, options.Table, new SourceLocation(SourceName, Path: "schema"), unreadable);
            _row = new ParquetRow(SourceName, _columns);
            _builder = new TableMessageBuilder(columns, options.EventSource ?? Path.GetFileName(path));
            _group = -1;
        }
        catch
        {
            _file.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public string SourceName { get; }

    /// <inheritdoc />
    public long Position => _file.Position;

    /// <inheritdoc />
    public long? Length => _file.Length;

    /// <inheritdoc />
    public bool ReadBatch(MessageBatch batch, int maxMessages)
    {
        ArgumentNullException.ThrowIfNull(batch);
        batch.Clear();
        while (!_done && batch.MessageCount < maxMessages)
        {
            if (_row.Index >= _groupRows && !NextGroup(batch))
            {
                break;
            }

            _row.Number = _rowsBefore + _row.Index + 1;
            if (!_builder.TryAdd(_row, batch))
            {
                batch.Errors.Add(_builder.Error!);
            }

            _row.Index++;
        }

        return batch.MessageCount > 0 || batch.Errors.Count > 0;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _builder.Dispose();
        _reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _file.Dispose();
    }

    private bool NextGroup(MessageBatch batch)
    {
        _rowsBefore += _groupRows;
        _groupRows = 0;
        _row.Index = 0;
        if (++_group >= _reader.RowGroupCount)
        {
            _done = true;
            return false;
        }

        try
        {
            using var group = _reader.OpenRowGroupReader(_group);
            var rows = checked((int)group.RowCount);
            foreach (var column in _columns)
            {
                column?.Read(group, rows);
            }

            _groupRows = rows;
            return true;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or InvalidOperationException or ParquetException)
        {
            batch.Errors.Add(new RecordError(new SourceLocation(SourceName, Path: $"row group {_group + 1}"),
                "a readable row group", e.Message, Fatal: true));
            _done = true;
            return false;
        }
    }

    private static ParquetReader Open(FileStream file, string source)
    {
        try
        {
            return ParquetReader.CreateAsync(file, new ParquetOptions { TreatByteArrayAsString = true }, leaveStreamOpen: true)
                .GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is IOException or InvalidDataException or ParquetException)
        {
            ThrowHelper.ThrowInput(new SourceLocation(source), file.Length == 0 ? "file is empty; expected a Parquet file" : "a Parquet file", e.Message);
            throw;
        }
    }
}
