using Waymark.Core.Errors;

namespace Waymark.Twins.ChDb;

/// <summary>libchdb.so, ClickHouse's in-process engine, is not where Waymark looks for it.</summary>
public sealed class ChDbLibraryNotFoundException : WaymarkException
{
    /// <summary>The command, run from the repository root, that installs the library.</summary>
    public const string InstallCommand = "bash scripts/install-chdb.sh";

    /// <summary>Creates the error from the paths looked at and why none was used.</summary>
    public ChDbLibraryNotFoundException(IReadOnlyList<string> searched, string reason)
        : base($"libchdb.so (ClickHouse's in-process engine) not found: {reason}. "
            + $"Install it with '{InstallCommand}' from the repository root, or set ${LibChDbLocator.EnvironmentVariable} to a libchdb.so. "
            + $"Looked at: {string.Join(", ", searched)}") =>
        Searched = searched;

    /// <summary>Every path looked at, in order.</summary>
    public IReadOnlyList<string> Searched { get; }
}
