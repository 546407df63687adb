using DuckDB.NET.Data;
using DuckDB.NET.Native;
using Waymark.Core.Errors;
using Chunks = DuckDB.NET.Native.NativeMethods.DataChunks;
using Prepared = DuckDB.NET.Native.NativeMethods.PreparedStatements;
using Vectors = DuckDB.NET.Native.NativeMethods.Vectors;

namespace Waymark.Storage.DuckDb;

/// <summary>
/// Streams a query's result as DuckDB data chunks through the C API, handing each chunk's
/// column buffers to the caller as raw pointers: no value is boxed or converted on the way,
/// which is what lets a snapshot load tens of millions of rows a second. Only for queries whose
/// columns are fixed-width (integers, timestamps).
/// </summary>
internal static unsafe class ChunkReader
{
    /// <summary>One chunk: its row count, and per column the data and the validity mask (null when every row is valid).</summary>
    public readonly ref struct Chunk(int rows, void*[] data, ulong*[] validity)
    {
        public int Rows { get; } = rows;

        public T* Data<T>(int column)
            where T : unmanaged => (T*)data[column];

        public bool IsValid(int column, int row)
        {
            var mask = validity[column];
            return mask is null || (mask[row >> 6] & (1UL << (row & 63))) != 0;
        }
    }

    /// <summary>A callback over one chunk.</summary>
    public delegate void ChunkAction(in Chunk chunk);

    public static void Stream(DuckDBConnection connection, string sql, int columns, ChunkAction action)
    {
        if (Prepared.DuckDBPrepare(connection.NativeConnection, sql, out var statement) != DuckDBState.Success)
        {
            var error = Prepared.DuckDBPrepareError(statement);
            statement.Dispose();
            ThrowHelper.Throw($"cannot read the store: {error}");
        }

        using (statement)
        {
            if (Prepared.DuckDBExecutePreparedStreaming(statement, out var result) != DuckDBState.Success)
            {
                var error = NativeMethods.Query.DuckDBResultError(ref result);
                NativeMethods.Query.DuckDBDestroyResult(ref result);
                ThrowHelper.Throw($"cannot read the store: {error}");
            }

            try
            {
                var data = new void*[columns];
                var validity = new ulong*[columns];
                while (true)
                {
                    using var chunk = NativeMethods.StreamingResult.DuckDBStreamFetchChunk(result);
                    if (chunk.IsInvalid)
                    {
                        break;
                    }

                    var rows = (int)Chunks.DuckDBDataChunkGetSize(chunk);
                    if (rows == 0)
                    {
                        break;
                    }

                    for (var c = 0; c < columns; c++)
                    {
                        var vector = Chunks.DuckDBDataChunkGetVector(chunk, c);
                        data[c] = Vectors.DuckDBVectorGetData(vector);
                        validity[c] = Vectors.DuckDBVectorGetValidity(vector);
                    }

                    action(new Chunk(rows, data, validity));
                }

                // A stream that fails part way ends like one that is done; only the result's error tells them apart.
                var failure = NativeMethods.Query.DuckDBResultError(ref result);
                if (!string.IsNullOrEmpty(failure))
                {
                    ThrowHelper.Throw($"cannot read the store: {failure}");
                }
            }
            finally
            {
                NativeMethods.Query.DuckDBDestroyResult(ref result);
            }
        }
    }
}
