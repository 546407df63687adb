using Waymark.App.Import;
using Waymark.Core.Ingest;
using Waymark.Core.Storage;
using Waymark.Tests;

namespace Waymark.App.Tests.Import;

public sealed class FileImporterTests
{
    [Fact]
    public async Task StoreFailingMidway_StopsTheImportWithItsError_WithoutHanging()
    {
        using var folder = new TempFolder();
        var file = folder.File("events.jsonl");
        File.WriteAllLines(file, Enumerable.Range(0, 5000).Select(i =>
            $$"""{"type":"track","messageId":"m{{i}}","timestamp":"2026-01-01T00:00:00Z","userId":"u","event":"e"}"""));
        var store = new FailingStore(failOnAppend: 2);
        var importer = new FileImporter(store, new ImportOptions { BatchSize = 100 });

        var run = Task.Run(() => importer.Run(file, (_, _, _) => { }, CancellationToken.None));

        var finished = await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(60)));
        Assert.True(finished == run, "the import hung after the store failed");
        var error = await Assert.ThrowsAsync<IOException>(() => run);
        Assert.Equal("disk full (injected)", error.Message);
        Assert.Equal(1, store.Appended);
    }

    private sealed record Prepared(int MessageCount, int Rejected) : IPreparedBatch;

    /// <summary>A store whose n-th append fails, as a full disk would.</summary>
    private sealed class FailingStore(int failOnAppend) : IEventStore, IAppendSession
    {
        public int Appended { get; private set; }

        public string Location => "failing";

        public int SchemaVersion => 1;

        public AppendResult Total { get; private set; }

        public IAppendSession BeginAppend(AppendMode mode = AppendMode.PerBatch) => this;

        public StoreStats GetStats(int topEventNames = int.MaxValue) => throw new NotSupportedException();

        public AppendResult Append(MessageBatch batch)
        {
            if (Appended + 1 == failOnAppend)
            {
                throw new IOException("disk full (injected)");
            }

            Appended++;
            var result = new AppendResult(batch.MessageCount, 0, batch.Errors.Count);
            Total += result;
            return result;
        }

        public void Write(MessageBatch batch) => Append(batch);

        public IPreparedBatch Prepare(MessageBatch batch, IPreparedBatch? reuse = null) =>
            new Prepared(batch.MessageCount, batch.Errors.Count);

        public AppendResult Append(IPreparedBatch batch)
        {
            if (Appended + 1 == failOnAppend)
            {
                throw new IOException("disk full (injected)");
            }

            Appended++;
            var prepared = (Prepared)batch;
            var result = new AppendResult(prepared.MessageCount, 0, prepared.Rejected);
            Total += result;
            return result;
        }

        public void Commit()
        {
        }

        public void Dispose()
        {
        }
    }
}
