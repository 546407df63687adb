using Waymark.Core.Errors;
using Waymark.Core.Storage;

namespace Waymark.App.Import;

/// <summary>What an import did, per file and in total.</summary>
public sealed record ImportReport(IReadOnlyList<FileImportReport> Files, TimeSpan Elapsed)
{
    /// <summary>The totals over every file.</summary>
    public AppendResult Total => Files.Aggregate(default(AppendResult), (sum, file) => sum + file.Result);

    /// <summary>Rejected records over every file.</summary>
    public long RejectedCount => Files.Sum(f => f.Result.Rejected);

    /// <summary>True when some file wrote nothing (see <see cref="FileImportReport.Refused"/>).</summary>
    public bool AnyFileRefused => Files.Any(f => f.Refused);
}

/// <summary>
/// What happened to one file. <see cref="Errors"/> holds the first rejected records in full;
/// <see cref="AppendResult.Rejected"/> counts them all. <see cref="Refused"/> is true when
/// nothing of the file was written: it could not be opened, a strict import met an error, or
/// every record of it was rejected.
/// </summary>
public sealed record FileImportReport(string Path, AppendResult Result, IReadOnlyList<RecordError> Errors, bool Refused);
