using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Waymark.App.Import;
using Waymark.Formats;

namespace Waymark.Cli.Commands;

/// <summary><c>waymark import FILE...</c>: JSON Lines (Segment), CSV, XES, Parquet.</summary>
internal static class ImportCommand
{
    public static Command Create(Output output)
    {
        var files = new Argument<string[]>("files") { Description = $"Files to import: {string.Join(", ", MessageReaders.Extensions)}", Arity = ArgumentArity.OneOrMore };
        var strict = new Option<bool>("--strict") { Description = "Write nothing of a file unless every record in it is valid" };
        var person = new Option<string?>("--person") { Description = "CSV/Parquet: the column that holds the person (subject)" };
        var account = new Option<string?>("--account") { Description = "CSV/Parquet: the column that holds the account" };
        var time = new Option<string?>("--time") { Description = "CSV/Parquet: the column that holds the time" };
        var eventName = new Option<string?>("--event") { Description = "CSV/Parquet: the column that holds the event name" };
        var id = new Option<string?>("--id") { Description = "CSV/Parquet: the column that holds the message id" };
        var delimiter = new Option<char?>("--delimiter") { Description = "CSV: the field delimiter [default: detected from the header]" };
        var classifier = new Option<string?>("--classifier") { Description = "XES: a declared classifier's name, or attribute keys such as 'concept:name' [default: the log's activity classifier]" };
        var maxRecord = new Option<int>("--max-record-bytes") { Description = "The largest record accepted, in bytes", DefaultValueFactory = _ => ReaderOptions.DefaultMaxRecordBytes };
        var batchSize = new Option<int>("--batch-size") { Description = "Messages per transaction", DefaultValueFactory = _ => new ImportOptions().BatchSize };
        var source = new Option<string?>("--source") { Description = "The source named on events that do not name one [default: the file name]" };
        var json = GlobalOptions.Json();
        var command = new Command("import", "Import events, people and accounts from files")
        {
            files, strict, person, account, time, eventName, id, delimiter, classifier, maxRecord, batchSize, source, json,
        };
        command.SetAction((parse, cancel) => Task.FromResult(WorkspaceRunner.Run(parse, output, workspace =>
        {
            var options = new ImportOptions
            {
                Strict = parse.GetValue(strict),
                BatchSize = Math.Max(1, parse.GetValue(batchSize)),
                Reader = new ReaderOptions
                {
                    MaxRecordBytes = Math.Max(1, parse.GetValue(maxRecord)),
                    EventSource = parse.GetValue(source),
                    XesClassifier = parse.GetValue(classifier),
                    Table = new TableMapping
                    {
                        Person = parse.GetValue(person),
                        Account = parse.GetValue(account),
                        Time = parse.GetValue(time),
                        Event = parse.GetValue(eventName),
                        MessageId = parse.GetValue(id),
                        Delimiter = parse.GetValue(delimiter),
                    },
                },
            };
            var paths = parse.GetValue(files)!;
            var report = ProgressReporter.Run(output, "Importing", update => workspace.Import(paths, options,
                new InlineProgress<ImportProgress>(p => update(p.BytesRead, p.Length,
                    string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(p.File)} ({p.FileIndex + 1}/{p.FileCount}) {p.Messages:N0} messages"))),
                cancel));
            Render(output, report, parse.GetValue(json));
            return report.AnyFileRefused ? ExitCodes.NothingWritten
                : report.RejectedCount > 0 ? ExitCodes.RecordsRejected
                : ExitCodes.Ok;
        })));
        return command;
    }

    private static void Render(Output output, ImportReport report, bool asJson)
    {
        foreach (var file in report.Files)
        {
            foreach (var error in file.Errors)
            {
                output.Error.WriteLine(error.ToString());
            }

            var more = file.Result.Rejected - file.Errors.Count;
            if (more > 0)
            {
                output.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{file.Path}: … and {more:N0} more rejected records"));
            }

            if (file.Refused)
            {
                output.Error.WriteLine($"{file.Path}: nothing written");
            }
        }

        if (asJson)
        {
            output.Json(ImportJson.From(report), CliJsonContext.Default.ImportJson);
            return;
        }

        var table = new Table().AddColumn("File").AddColumn(new TableColumn("Accepted").RightAligned())
            .AddColumn(new TableColumn("Duplicates").RightAligned()).AddColumn(new TableColumn("Rejected").RightAligned()).AddColumn("");
        foreach (var file in report.Files)
        {
            table.AddRow(Markup.Escape(file.Path), Numbers.Count(file.Result.Accepted), Numbers.Count(file.Result.Duplicates), Numbers.Count(file.Result.Rejected),
                file.Refused ? "[red]nothing written[/]" : file.Result.Rejected > 0 ? "[yellow]partly[/]" : "[green]ok[/]");
        }

        var total = report.Total;
        var seconds = Math.Max(report.Elapsed.TotalSeconds, 1e-9);
        table.Caption(string.Create(CultureInfo.InvariantCulture,
            $"{Numbers.Count(total.Accepted)} accepted, {Numbers.Count(total.Duplicates)} duplicates, {Numbers.Count(total.Rejected)} rejected in {report.Elapsed.TotalSeconds:F1} s ({(total.Accepted + total.Duplicates) / seconds:N0} messages/s)"));
        output.Console.Write(table);
    }

}

/// <summary>The JSON shape of <c>waymark import --json</c>. A contract for scripts.</summary>
internal sealed record ImportJson(long Accepted, long Duplicates, long Rejected, double Seconds, IReadOnlyList<ImportFileJson> Files)
{
    public static ImportJson From(ImportReport report) => new(report.Total.Accepted, report.Total.Duplicates, report.Total.Rejected,
        report.Elapsed.TotalSeconds,
        report.Files.Select(f => new ImportFileJson(f.Path, f.Result.Accepted, f.Result.Duplicates, f.Result.Rejected, f.Refused,
            f.Errors.Select(e => e.ToString()).ToList())).ToList());
}

/// <summary>One file of an import, with its first errors in full.</summary>
internal sealed record ImportFileJson(string Path, long Accepted, long Duplicates, long Rejected, bool NothingWritten, IReadOnlyList<string> Errors);
