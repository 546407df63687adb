using System.Runtime.InteropServices;

namespace Waymark.Twins.ChDb;

/// <summary>
/// The part of libchdb's C API (<c>programs/local/chdb.h</c>, chDB 26.7) that
/// <see cref="ChDbSession"/> uses, bound once per process through function pointers.
/// </summary>
/// <remarks>
/// Handles: <c>chdb_connect</c> returns a <c>chdb_connection*</c> (a pointer to the handle);
/// queries take the handle itself (<c>*conn</c>); <c>chdb_close_conn</c> takes the pointer again.
/// Every <c>chdb_result*</c> (errors included) is freed with <c>chdb_destroy_query_result</c>.
/// </remarks>
internal sealed unsafe class LibChDb
{
    // Not ExecutionAndPublication: that would cache a not-found exception for the process's life.
    private static readonly Lazy<LibChDb> Loaded = new(() => new LibChDb(LibChDbLocator.Find()), LazyThreadSafetyMode.PublicationOnly);

    private LibChDb(string path)
    {
        Path = path;
        var library = NativeLibrary.Load(path);
        nint Export(string name) => NativeLibrary.GetExport(library, name);

        Version = (delegate* unmanaged<byte*>)Export("chdb_version");
        SetSignalHandlersEnabled = (delegate* unmanaged<int, void>)Export("chdb_set_signal_handlers_enabled");
        Connect = (delegate* unmanaged<int, byte**, nint*>)Export("chdb_connect");
        CloseConnection = (delegate* unmanaged<nint*, void>)Export("chdb_close_conn");
        QueryN = (delegate* unmanaged<nint, byte*, nuint, byte*, nuint, nint>)Export("chdb_query_n");
        ResultBuffer = (delegate* unmanaged<nint, byte*>)Export("chdb_result_buffer");
        ResultLength = (delegate* unmanaged<nint, nuint>)Export("chdb_result_length");
        ResultError = (delegate* unmanaged<nint, byte*>)Export("chdb_result_error");
        ResultElapsed = (delegate* unmanaged<nint, double>)Export("chdb_result_elapsed");
        ResultRowsRead = (delegate* unmanaged<nint, ulong>)Export("chdb_result_rows_read");
        ResultBytesRead = (delegate* unmanaged<nint, ulong>)Export("chdb_result_bytes_read");
        ResultStorageRowsRead = (delegate* unmanaged<nint, ulong>)Export("chdb_result_storage_rows_read");
        ResultStorageBytesRead = (delegate* unmanaged<nint, ulong>)Export("chdb_result_storage_bytes_read");
        DestroyResult = (delegate* unmanaged<nint, void>)Export("chdb_destroy_query_result");

        // chDB otherwise installs process-wide handlers for SIGSEGV and friends, which the .NET
        // runtime needs for itself (a null dereference in managed code arrives as SIGSEGV).
        SetSignalHandlersEnabled(0);
    }

    /// <summary>The library, loaded on first use; throws <see cref="ChDbLibraryNotFoundException"/>.</summary>
    public static LibChDb Instance => Loaded.Value;

    /// <summary>Where the library was loaded from.</summary>
    public string Path { get; }

    /// <summary><c>const char* chdb_version(void)</c>.</summary>
    public delegate* unmanaged<byte*> Version { get; }

    /// <summary><c>void chdb_set_signal_handlers_enabled(int)</c>: before the first connect.</summary>
    public delegate* unmanaged<int, void> SetSignalHandlersEnabled { get; }

    /// <summary><c>chdb_connection* chdb_connect(int argc, char** argv)</c>; null on failure.</summary>
    public delegate* unmanaged<int, byte**, nint*> Connect { get; }

    /// <summary><c>void chdb_close_conn(chdb_connection*)</c>.</summary>
    public delegate* unmanaged<nint*, void> CloseConnection { get; }

    /// <summary><c>chdb_result* chdb_query_n(chdb_connection, const char* query, size_t, const char* format, size_t)</c>.</summary>
    public delegate* unmanaged<nint, byte*, nuint, byte*, nuint, nint> QueryN { get; }

    /// <summary><c>char* chdb_result_buffer(chdb_result*)</c>.</summary>
    public delegate* unmanaged<nint, byte*> ResultBuffer { get; }

    /// <summary><c>size_t chdb_result_length(chdb_result*)</c>.</summary>
    public delegate* unmanaged<nint, nuint> ResultLength { get; }

    /// <summary><c>const char* chdb_result_error(chdb_result*)</c>: null when the query succeeded.</summary>
    public delegate* unmanaged<nint, byte*> ResultError { get; }

    /// <summary><c>double chdb_result_elapsed(chdb_result*)</c>, in seconds.</summary>
    public delegate* unmanaged<nint, double> ResultElapsed { get; }

    /// <summary><c>uint64_t chdb_result_rows_read(chdb_result*)</c>: rows in the result.</summary>
    public delegate* unmanaged<nint, ulong> ResultRowsRead { get; }

    /// <summary><c>uint64_t chdb_result_bytes_read(chdb_result*)</c>: bytes of the result, in ClickHouse's columns.</summary>
    public delegate* unmanaged<nint, ulong> ResultBytesRead { get; }

    /// <summary><c>uint64_t chdb_result_storage_rows_read(chdb_result*)</c>: rows read from tables.</summary>
    public delegate* unmanaged<nint, ulong> ResultStorageRowsRead { get; }

    /// <summary><c>uint64_t chdb_result_storage_bytes_read(chdb_result*)</c>: bytes read from tables.</summary>
    public delegate* unmanaged<nint, ulong> ResultStorageBytesRead { get; }

    /// <summary><c>void chdb_destroy_query_result(chdb_result*)</c>.</summary>
    public delegate* unmanaged<nint, void> DestroyResult { get; }
}
