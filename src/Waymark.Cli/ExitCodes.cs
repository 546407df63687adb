namespace Waymark.Cli;

/// <summary>The exit codes of <c>waymark</c>. Documented in docs/cli.md; scripts rely on them, never renumber.</summary>
internal static class ExitCodes
{
    /// <summary>Everything worked.</summary>
    public const int Ok = 0;

    /// <summary>An unexpected error: a bug; the message says what happened.</summary>
    public const int InternalError = 1;

    /// <summary>The command line is wrong: unknown command or option, missing or invalid value.</summary>
    public const int Usage = 2;

    /// <summary>Some records were rejected; the valid ones were stored.</summary>
    public const int RecordsRejected = 3;

    /// <summary>A file wrote nothing: it could not be read at all, or a strict import met an invalid record.</summary>
    public const int NothingWritten = 4;

    /// <summary>The database cannot be opened: locked by another process, not a Waymark database, or written by a newer Waymark.</summary>
    public const int DatabaseUnavailable = 5;

    /// <summary>Interrupted (Ctrl+C); what was acknowledged before is stored.</summary>
    public const int Cancelled = 130;
}
