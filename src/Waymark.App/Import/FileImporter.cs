using System.Collections.Concurrent;
using Waymark.Core.Errors;
using Waymark.Core.Ingest;
using Waymark.Core.Storage;
using Waymark.Formats;

namespace Waymark.App.Import;

/// <summary>
/// Imports one file: a reader thread parses each batch and prepares it for the store
/// (<see cref="IAppendSession.Prepare"/>: ids hashed and checked, values encoded) while this
/// thread appends the batches before it, so parsing and storing overlap on two cores and the
/// appending thread does little but store. A few batches circulate between the two; memory
/// stays flat whatever the file's size.
/// </summary>
internal sealed class FileImporter(IEventStore store, ImportOptions options)
{
    private const int BatchesInFlight = 4;

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
        using var full = new BlockingCollection<Slot>(BatchesInFlight);
        using var empty = new BlockingCollection<Slot>(BatchesInFlight);
        for (var i = 0; i < BatchesInFlight; i++)
        {
            empty.Add(new Slot(), cancel);
        }

        var producer = Task.Run(() => Produce(reader, session, full, empty, cancel), cancel);
        var errors = new List<RecordError>();
        long rejected = 0;
        long messages = 0;
        try
        {
            foreach (var slot in full.GetConsumingEnumerable(cancel))
            {
                rejected += slot.Errors.Count;
                foreach (var error in slot.Errors)
                {
                    if (errors.Count < options.MaxErrorsReported)
                    {
                        errors.Add(error);
                    }
                }

                // In strict mode, once a record is bad nothing will be written: read on only to report.
                if (!slot.Skipped && (!options.Strict || rejected == 0))
                {
                    session.Append(slot.Batch!);
                }

                messages += slot.Messages;
                progress(slot.Position, reader.Length, messages);
                empty.Add(slot, cancel);
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

    private void Produce(IMessageReader reader, IAppendSession session, BlockingCollection<Slot> full, BlockingCollection<Slot> empty,
        CancellationToken cancel)
    {
        var batch = new MessageBatch();
        var sawError = false;
        try
        {
            while (true)
            {
                var slot = empty.Take(cancel);
                if (!reader.ReadBatch(batch, options.BatchSize))
                {
                    break;
                }

                slot.Errors.Clear();
                slot.Errors.AddRange(batch.Errors);
                sawError |= batch.Errors.Count > 0;

                // A strict import that met a bad record will write nothing: spare the preparing.
                slot.Skipped = options.Strict && sawError;
                if (!slot.Skipped)
                {
                    slot.Batch = session.Prepare(batch, slot.Batch);
                }

                slot.Messages = batch.MessageCount;
                slot.Position = reader.Position;
                full.Add(slot, cancel);
            }
        }
        finally
        {
            full.CompleteAdding();
        }
    }

    /// <summary>One batch on its way from the reader thread to the appending one.</summary>
    private sealed class Slot
    {
        public IPreparedBatch? Batch { get; set; }

        public List<RecordError> Errors { get; } = [];

        public bool Skipped { get; set; }

        public int Messages { get; set; }

        public long Position { get; set; }
    }
}
