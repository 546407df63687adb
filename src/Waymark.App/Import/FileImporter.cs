using System.Collections.Concurrent;
using Waymark.Core.Errors;
using Waymark.Core.Ingest;
using Waymark.Core.Storage;
using Waymark.Formats;

namespace Waymark.App.Import;

/// <summary>
/// Imports one file: a reader thread parses batches while this thread appends the previous
/// one, so parsing and storing overlap on two cores. Two batches circulate between them;
/// memory stays flat whatever the file's size.
/// </summary>
internal sealed class FileImporter(IEventStore store, ImportOptions options)
{
    private const int BatchesInFlight = 2;

    public FileImportReport Run(string path, Action<long, long?, long> progress, CancellationToken cancel)
    {
        IMessageReader reader;
        try
        {
            reader = MessageReaders.Open(path, options.Reader);
        }
        catch (InputException e)
        {
            return new FileImportReport(path, new AppendResult(0, 0, 1), [e.Error], Refused: true);
        }

        using (reader)
        {
            return Pump(path, reader, progress, cancel);
        }
    }

    private FileImportReport Pump(string path, IMessageReader reader, Action<long, long?, long> progress, CancellationToken cancel)
    {
        using var session = store.BeginAppend(options.Strict ? AppendMode.AllOrNothing : AppendMode.Bulk);
        using var full = new BlockingCollection<MessageBatch>(BatchesInFlight);
        using var empty = new BlockingCollection<MessageBatch>(BatchesInFlight);
        for (var i = 0; i < BatchesInFlight; i++)
        {
            empty.Add(new MessageBatch(), cancel);
        }

        var producer = Task.Run(() => Produce(reader, full, empty, cancel), cancel);
        var errors = new List<RecordError>();
        long rejected = 0;
        long messages = 0;
        try
        {
            foreach (var batch in full.GetConsumingEnumerable(cancel))
            {
                rejected += batch.Errors.Count;
                foreach (var error in batch.Errors)
                {
                    if (errors.Count < options.MaxErrorsReported)
                    {
                        errors.Add(error);
                    }
                }

                // In strict mode, once a record is bad nothing will be written: read on only to report.
                if (!options.Strict || rejected == 0)
                {
                    session.Append(batch);
                }

                messages += batch.MessageCount;
                progress(reader.Position, reader.Length, messages);
                empty.Add(batch, cancel);
            }
        }
        catch
        {
            // Unblock the reader thread (its next Take throws) and let it finish before the
            // collections it uses are disposed.
            empty.CompleteAdding();
            try
            {
                producer.Wait(TimeSpan.FromSeconds(30), CancellationToken.None);
            }
            catch (AggregateException)
            {
                // The store's failure is the one to report.
            }

            throw;
        }

        producer.GetAwaiter().GetResult();
        if (options.Strict && rejected > 0)
        {
            return new FileImportReport(path, new AppendResult(0, 0, rejected), errors, Refused: true);
        }

        session.Commit();
        var total = session.Total with { Rejected = rejected };
        var nothingRead = total.Accepted + total.Duplicates == 0 && rejected > 0;
        return new FileImportReport(path, total, errors, Refused: nothingRead);
    }

    private void Produce(IMessageReader reader, BlockingCollection<MessageBatch> full, BlockingCollection<MessageBatch> empty, CancellationToken cancel)
    {
        try
        {
            while (true)
            {
                var batch = empty.Take(cancel);
                if (!reader.ReadBatch(batch, options.BatchSize))
                {
                    break;
                }

                full.Add(batch, cancel);
            }
        }
        finally
        {
            full.CompleteAdding();
        }
    }
}
