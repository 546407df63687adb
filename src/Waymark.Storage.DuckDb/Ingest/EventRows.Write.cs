namespace Waymark.Storage.DuckDb.Ingest;

internal sealed partial class EventRows
{
    /// <summary>
    /// Writes rows <paramref name="start"/> to <paramref name="start"/> + <paramref name="count"/>
    /// into the <c>events</c> table's appender, column by column and a data chunk at a time: fixed
    /// widths are copied as blocks, strings go over as the UTF-8 bytes they already are.
    /// </summary>
    public void Write(ChunkAppender appender, int start, int count, DateTime receivedAt)
    {
        var received = (receivedAt.Ticks - DateTime.UnixEpoch.Ticks) / (TimeSpan.TicksPerMillisecond / 1000);
        while (count > 0)
        {
            var n = Math.Min(count, appender.Room);
            _hashes.AsSpan(start, n).CopyTo(appender.Column<ulong>(0));
            for (var i = 0; i < n; i++)
            {
                appender.SetUtf8At(1, i, Ids[start + i]);
            }

            _times.AsSpan(start, n).CopyTo(appender.Column<long>(2));
            for (var c = 0; c < CodeColumns; c++)
            {
                WriteCodes(appender, 3 + c, _codes[c].AsSpan(start, n));
            }

            _actors.AsSpan(start, n).CopyTo(appender.Column<byte>(9));
            WriteDoubles(appender, 10, _values.AsSpan(start, n), _given.AsSpan(start, n), HasValue);
            WriteDoubles(appender, 11, _sentiments.AsSpan(start, n), _given.AsSpan(start, n), HasSentiment);
            for (var i = 0; i < n; i++)
            {
                appender.SetUtf8At(12, i, Properties[start + i]);
            }

            appender.Column<long>(13)[..n].Fill(received);
            appender.Advance(n);
            start += n;
            count -= n;
        }
    }

    /// <summary>Keeps only the rows whose <paramref name="keep"/> flag is set, in their order.</summary>
    public void Keep(ReadOnlySpan<bool> keep)
    {
        var kept = 0;
        for (var row = 0; row < Count; row++)
        {
            if (keep[row])
            {
                Move(row, kept++);
            }
        }

        Ids.Keep(keep);
        Properties.Keep(keep);
        Count = kept;
    }

    /// <summary>Forgets the first <paramref name="count"/> rows, keeping the rest in order.</summary>
    public void RemoveFirst(int count)
    {
        var rest = Count - count;
        for (var row = 0; row < rest; row++)
        {
            Move(count + row, row);
        }

        Ids.RemoveFirst(count);
        Properties.RemoveFirst(count);
        Count = rest;
    }

    private void Move(int from, int to)
    {
        if (from == to)
        {
            return;
        }

        _hashes[to] = _hashes[from];
        _times[to] = _times[from];
        for (var c = 0; c < CodeColumns; c++)
        {
            _codes[c][to] = _codes[c][from];
        }

        _actors[to] = _actors[from];
        _values[to] = _values[from];
        _sentiments[to] = _sentiments[from];
        _given[to] = _given[from];
    }

    private static void WriteCodes(ChunkAppender appender, int column, ReadOnlySpan<uint> codes)
    {
        codes.CopyTo(appender.Column<uint>(column));
        for (int i = 0, at; (at = codes[i..].IndexOf(NoCode)) >= 0; i += at + 1)
        {
            appender.SetNullAt(column, i + at);
        }
    }

    private static void WriteDoubles(ChunkAppender appender, int column, ReadOnlySpan<double> values, ReadOnlySpan<byte> given, byte flag)
    {
        values.CopyTo(appender.Column<double>(column));
        for (var i = 0; i < given.Length; i++)
        {
            if ((given[i] & flag) == 0)
            {
                appender.SetNullAt(column, i);
            }
        }
    }
}
