namespace Waymark.Twins.ChDb;

/// <summary>
/// One <c>chdb_result*</c>, read in place and freed by <see cref="Dispose"/>: a result is never
/// held longer than the call that asked for it, so a large one costs native memory only briefly.
/// </summary>
internal readonly unsafe ref struct NativeResult
{
    private readonly LibChDb lib;
    private readonly nint result;

    private NativeResult(LibChDb lib, nint result)
    {
        this.lib = lib;
        this.result = result;
    }

    /// <summary>ClickHouse's error text, or null when the statement succeeded.</summary>
    public string? Error => ChDbConnection.ReadString(lib.ResultError(result));

    /// <summary>The formatted output, in libchdb's buffer: valid until <see cref="Dispose"/>.</summary>
    public ReadOnlySpan<byte> Bytes
    {
        get
        {
            var length = lib.ResultLength(result);
            return length == 0 ? default
                : length <= int.MaxValue ? new ReadOnlySpan<byte>(lib.ResultBuffer(result), (int)length)
                : throw new InvalidOperationException($"The result is {length:N0} bytes, more than one buffer can hold; aggregate in SQL or write it to a file with INTO OUTFILE.");
        }
    }

    /// <summary>What ClickHouse reports about the statement.</summary>
    public ChDbQueryStats Stats => new(
        TimeSpan.FromSeconds(lib.ResultElapsed(result)),
        lib.ResultRowsRead(result),
        lib.ResultBytesRead(result),
        lib.ResultStorageRowsRead(result),
        lib.ResultStorageBytesRead(result));

    /// <summary>Runs one statement; the result must be disposed, whether it failed or not.</summary>
    public static NativeResult Run(LibChDb lib, ChDbConnection connection, ReadOnlySpan<byte> sql, ReadOnlySpan<byte> format)
    {
        nint result;
        fixed (byte* query = sql)
        fixed (byte* output = format)
        {
            result = lib.QueryN(connection.Connection, query, (nuint)sql.Length, output, (nuint)format.Length);
        }

        return result != 0 ? new NativeResult(lib, result)
            : throw new InvalidOperationException("chdb_query_n returned no result at all");
    }

    /// <summary>Frees the result (<c>chdb_destroy_query_result</c>).</summary>
    public void Dispose() => lib.DestroyResult(result);
}
