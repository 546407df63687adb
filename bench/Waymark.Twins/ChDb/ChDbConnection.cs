using System.Runtime.InteropServices;
using System.Text;

namespace Waymark.Twins.ChDb;

/// <summary>
/// The one libchdb connection a process may hold (<c>chdb_connection*</c>), closed when released,
/// by <see cref="ChDbSession.Dispose"/> or else by the finalizer.
/// </summary>
/// <remarks>
/// libchdb runs one ClickHouse engine per process, over one data folder: more connections to
/// that same folder may be open at once, but <c>chdb_connect</c> with another folder fails
/// (returns null) until every connection is closed. Waymark needs one, so it allows one.
/// </remarks>
internal sealed unsafe class ChDbConnection : SafeHandle
{
    private static int open;

    /// <summary>An invalid handle, until <see cref="Open"/> sets it.</summary>
    public ChDbConnection() : base(0, ownsHandle: true)
    {
    }

    /// <inheritdoc/>
    public override bool IsInvalid => handle == 0;

    /// <summary>The <c>chdb_connection</c> that queries take (the connect result, dereferenced).</summary>
    public nint Connection => *(nint*)handle;

    /// <summary>Connects to the engine with its data in <paramref name="dataPath"/>.</summary>
    public static ChDbConnection Open(LibChDb lib, string dataPath)
    {
        if (Interlocked.CompareExchange(ref open, 1, 0) != 0)
        {
            throw new InvalidOperationException(
                "A ChDbSession is already open in this process; dispose it first. libchdb runs one ClickHouse engine per process, on one data folder.");
        }

        var connection = new ChDbConnection();
        try
        {
            // UTC whatever the machine's zone, as Waymark's timestamps are (Core's Timestamps).
            connection.SetHandle(Connect(lib, ["clickhouse", $"--path={dataPath}", "--session_timezone=UTC"]));
        }
        finally
        {
            if (connection.IsInvalid)
            {
                Volatile.Write(ref open, 0);
            }
        }

        return connection.IsInvalid
            ? throw new ChDbException($"chdb_connect failed for the data folder {dataPath}", "(connect)")
            : connection;
    }

    /// <inheritdoc/>
    protected override bool ReleaseHandle()
    {
        LibChDb.Instance.CloseConnection((nint*)handle);
        Volatile.Write(ref open, 0);
        return true;
    }

    private static nint Connect(LibChDb lib, string[] arguments)
    {
        var argv = stackalloc byte*[arguments.Length + 1];
        try
        {
            for (var i = 0; i < arguments.Length; i++)
            {
                argv[i] = (byte*)Marshal.StringToCoTaskMemUTF8(arguments[i]);
            }

            return (nint)lib.Connect(arguments.Length, argv);
        }
        finally
        {
            for (var i = 0; i < arguments.Length; i++)
            {
                Marshal.FreeCoTaskMem((nint)argv[i]);
            }
        }
    }

    /// <summary>Reads a NUL-terminated UTF-8 string that libchdb owns.</summary>
    public static string? ReadString(byte* text) =>
        text is null ? null : Encoding.UTF8.GetString(MemoryMarshal.CreateReadOnlySpanFromNullTerminated(text));
}
