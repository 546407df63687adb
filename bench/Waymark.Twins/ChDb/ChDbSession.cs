using System.Text;

namespace Waymark.Twins.ChDb;

/// <summary>
/// An in-process ClickHouse (chDB's libchdb), for checking Waymark's kernels against ClickHouse's
/// own <c>windowFunnel</c>, <c>sequenceMatch</c>, <c>sequenceCount</c> and <c>retention</c>, and
/// for timing them. Tables live in the session's data folder and last across its statements;
/// the session's time zone is UTC (<c>session_timezone</c>), whatever the machine's. See
/// <see cref="ClickHouseTimestamps"/> for the timestamps the funnel functions accept.
/// </summary>
/// <remarks>
/// <para>One session per process at a time: libchdb runs one engine per process, on one data
/// folder, and <see cref="Open"/> throws while another session is open.</para>
/// <para>Statements run one at a time; calls from several threads wait for each other.
/// ClickHouse uses its own threads inside a statement (<c>max_threads</c> defaults to the
/// number of cores).</para>
/// <para>Each result is copied out of libchdb's buffer, or parsed in place, and freed before the
/// call returns.</para>
/// </remarks>
public sealed partial class ChDbSession : IDisposable
{
    /// <summary>ClickHouse's tab-separated output: <c>\t</c> between fields, <c>\n</c> after rows, backslash escapes.</summary>
    public const string TabSeparated = "TabSeparated";

    private readonly LibChDb lib;
    private readonly ChDbConnection connection;
    private readonly bool ownsDataPath;
    private readonly Lock gate = new();

    private ChDbSession(LibChDb lib, ChDbConnection connection, string dataPath, bool ownsDataPath)
    {
        this.lib = lib;
        this.connection = connection;
        DataPath = dataPath;
        this.ownsDataPath = ownsDataPath;
    }

    /// <summary>The folder that holds the session's databases.</summary>
    public string DataPath { get; }

    /// <summary>The libchdb.so in use.</summary>
    public string LibraryPath => lib.Path;

    /// <summary>chDB's version, such as <c>26.7.3</c>.</summary>
    public unsafe string EngineVersion => ChDbConnection.ReadString(lib.Version()) ?? "";

    /// <summary>What ClickHouse reported about the last statement that succeeded in this session.</summary>
    public ChDbQueryStats LastStats { get; private set; }

    /// <summary>
    /// Opens a session with its data in <paramref name="dataPath"/> (created if missing, kept
    /// afterwards), or in a new temporary folder that <see cref="Dispose"/> deletes.
    /// </summary>
    /// <exception cref="ChDbLibraryNotFoundException">libchdb.so is not installed.</exception>
    /// <exception cref="InvalidOperationException">Another session is open in this process.</exception>
    public static ChDbSession Open(string? dataPath = null)
    {
        var lib = LibChDb.Instance;
        var ownsDataPath = dataPath is null;
        var path = Path.GetFullPath(dataPath ?? Path.Combine(Path.GetTempPath(), "waymark-chdb", Guid.NewGuid().ToString("N")));
        Directory.CreateDirectory(path);
        try
        {
            return new ChDbSession(lib, ChDbConnection.Open(lib, path), path, ownsDataPath);
        }
        catch when (ownsDataPath)
        {
            DeleteQuietly(path);
            throw;
        }
    }

    /// <summary>Runs one statement and returns its output in <paramref name="format"/> (any ClickHouse output format).</summary>
    /// <exception cref="ChDbException">ClickHouse refused or failed the statement.</exception>
    public string Query(string sql, string format = TabSeparated) =>
        Run(sql, format, static bytes => Encoding.UTF8.GetString(bytes), out _);

    /// <summary>
    /// Runs one statement for its effect (DDL, INSERT) or its time, and returns ClickHouse's
    /// report on it. Any output goes to ClickHouse's <c>Null</c> format, so a SELECT run for its
    /// time is computed whole but never formatted or copied, and its
    /// <see cref="ChDbQueryStats.ResultRows"/> is 0.
    /// </summary>
    /// <exception cref="ChDbException">ClickHouse refused or failed the statement.</exception>
    public ChDbQueryStats Execute(string sql)
    {
        Run(sql, "Null", static _ => true, out var stats);
        return stats;
    }

    /// <summary>Closes the connection and deletes the data folder if the session made it.</summary>
    public void Dispose()
    {
        lock (gate)
        {
            if (connection.IsClosed)
            {
                return;
            }

            connection.Dispose();
        }

        if (ownsDataPath)
        {
            DeleteQuietly(DataPath);
        }
    }

    private TResult Run<TResult>(string sql, string format, ResultReader<TResult> read, out ChDbQueryStats stats)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sql);
        ArgumentException.ThrowIfNullOrWhiteSpace(format);
        var sqlBytes = Encoding.UTF8.GetBytes(sql);
        var formatBytes = Encoding.UTF8.GetBytes(format);
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(connection.IsClosed, this);
            using var result = NativeResult.Run(lib, connection, sqlBytes, formatBytes);
            if (result.Error is { } error)
            {
                throw new ChDbException(error, sql);
            }

            stats = result.Stats;
            LastStats = stats;
            return read(result.Bytes);
        }
    }

    private static void DeleteQuietly(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left for the OS to clean, as any temporary folder.
        }
    }

    private delegate TResult ResultReader<out TResult>(ReadOnlySpan<byte> bytes);
}
