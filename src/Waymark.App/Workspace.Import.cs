using System.Diagnostics;
using Waymark.App.Import;

namespace Waymark.App;

public sealed partial class Workspace
{
    /// <summary>
    /// Imports files one after another. Valid records are kept and every rejected record is
    /// reported, unless <see cref="ImportOptions.Strict"/> asks for all-or-nothing per file.
    /// Throws only when the store fails; a file that cannot be read is reported, not thrown.
    /// </summary>
    public ImportReport Import(IReadOnlyList<string> paths, ImportOptions? options = null,
        IProgress<ImportProgress>? progress = null, CancellationToken cancel = default)
    {
        options ??= new ImportOptions();
        var clock = Stopwatch.StartNew();
        var importer = new FileImporter(_store, options);
        var reports = new List<FileImportReport>(paths.Count);
        long before = 0;
        for (var i = 0; i < paths.Count; i++)
        {
            var index = i;
            var report = importer.Run(paths[i],
                (bytes, length, messages) => progress?.Report(new ImportProgress(paths[index], index, paths.Count, bytes, length, before + messages)),
                cancel);
            before += report.Result.Accepted + report.Result.Duplicates;
            reports.Add(report);
        }

        return new ImportReport(reports, clock.Elapsed);
    }
}
