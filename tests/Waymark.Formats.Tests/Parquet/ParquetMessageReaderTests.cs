using Parquet;
using Parquet.Schema;
using Waymark.Core.Errors;
using Waymark.Core.Ingest;
using Waymark.Formats.Parquet;

namespace Waymark.Formats.Tests.Parquet;

public sealed class ParquetMessageReaderTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    // A process-mining style table with typed columns, written with Parquet.Net directly.
    private string WriteTyped(string name, DateTime?[] times)
    {
        var path = _folder.File(name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var caseId = new DataField<long>("case_id", false);
        var activity = new DataField<string>("activity", true);
        var time = new DataField<DateTime?>("time", true);
        var cost = new DataField<int?>("cost", true);
        var ratio = new DataField<double>("ratio", false);
        var done = new DataField<bool?>("done", true);
        var label = new DataField<string>("label", true);
        var rows = times.Length;
        using (var stream = File.Create(path))
        {
            var writer = ParquetWriter.CreateAsync(new ParquetSchema(caseId, activity, time, cost, ratio, done, label), stream).GetAwaiter().GetResult();
            using (var group = writer.CreateRowGroup())
            {
                group.WriteAsync<long>(caseId, Enumerable.Range(1, rows).Select(i => (long)i).ToArray().AsMemory()).GetAwaiter().GetResult();
                group.WriteAsync(activity, Enumerable.Range(1, rows).Select(i => "step " + i).ToArray()).GetAwaiter().GetResult();
                group.WriteAsync<DateTime>(time, times.AsMemory()).GetAwaiter().GetResult();
                group.WriteAsync<int>(cost, Enumerable.Range(1, rows).Select(i => i == 2 ? (int?)null : i * 10).ToArray().AsMemory()).GetAwaiter().GetResult();
                group.WriteAsync<double>(ratio, Enumerable.Range(1, rows).Select(i => i / 4.0).ToArray().AsMemory()).GetAwaiter().GetResult();
                group.WriteAsync<bool>(done, Enumerable.Range(1, rows).Select(i => (bool?)(i % 2 == 0)).ToArray().AsMemory()).GetAwaiter().GetResult();
                group.WriteAsync(label, Enumerable.Range(1, rows).Select(i => i == 1 ? "007" : null).ToArray()!).GetAwaiter().GetResult();
            }

            writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        return path;
    }

    [Fact]
    public void TypedColumns_KeepTheirTypes()
    {
        var t = new DateTime(2024, 5, 6, 7, 8, 9, 123, DateTimeKind.Utc);
        var path = WriteTyped("typed.parquet", [t, t.AddMinutes(1)]);

        var result = ReadResult.Of(path);

        Assert.Empty(result.Errors);
        Assert.Equal(2, result.Events.Count);
        var first = result.Events[0];
        Assert.Equal(("1", "step 1", t), (first.PersonId, first.Name, first.Timestamp));
        Assert.Equal(DateTimeKind.Utc, first.Timestamp.Kind);
        Assert.Equal("""{"cost":10,"ratio":0.25,"done":false,"label":"007"}""", first.Properties.Json);
        Assert.Equal("""{"ratio":0.5,"done":true}""", result.Events[1].Properties.Json);
        Assert.Equal("typed.parquet", first.Source);
    }

    [Fact]
    public void BadRow_IsLocatedByRowNumber()
    {
        var t = new DateTime(2024, 5, 6, 0, 0, 0, DateTimeKind.Utc);
        var path = WriteTyped("gap.parquet", [t, null, t]);

        var result = ReadResult.Of(path);

        Assert.Equal(2, result.Events.Count);
        var error = result.SingleError();
        Assert.Equal(new SourceLocation(path, Path: "row 2"), error.Location);
        Assert.Equal("a time in column \"time\"", error.Expected);
    }

    [Fact]
    public void DerivedIds_AreStableAndIndependentOfFolder()
    {
        var t = new DateTime(2024, 5, 6, 0, 0, 0, DateTimeKind.Utc);
        var a = ReadResult.Of(WriteTyped("a/log.parquet", [t, t]));
        var b = ReadResult.Of(WriteTyped("b/log.parquet", [t, t]));

        Assert.StartsWith("wm1-", a.Events[0].MessageId, StringComparison.Ordinal);
        Assert.NotEqual(a.Events[0].MessageId, a.Events[1].MessageId);
        Assert.Equal(a.Events.Select(e => e.MessageId), b.Events.Select(e => e.MessageId));
    }

    [Fact]
    public void MissingColumn_Throws()
    {
        var t = new DateTime(2024, 5, 6, 0, 0, 0, DateTimeKind.Utc);
        var path = WriteTyped("map.parquet", [t]);

        var error = Assert.Throws<InputException>(() => MessageReaders.Open(path,
            new ReaderOptions { Table = new TableMapping { Event = "verb" } })).Error;

        Assert.Equal("a event column named \"verb\" (as --event says)", error.Expected);
        Assert.Equal("the columns case_id, activity, time, cost, ratio, done, label", error.Found);
    }

    [Fact]
    public void NotParquet_Throws()
    {
        var path = _folder.Write("fake.parquet", "user_id,timestamp,event\n");

        var error = Assert.Throws<InputException>(() => MessageReaders.Open(path)).Error;

        Assert.Equal("a Parquet file", error.Expected);
    }

    [Fact]
    public void RowGroups_AreReadInTurnAcrossBatches()
    {
        var path = _folder.File("groups.parquet");
        using (var writer = new ParquetMessageWriter(path, rowGroupRows: 1000))
        {
            var batch = new MessageBatch();
            for (var i = 0; i < 2500; i++)
            {
                batch.Events.Add(Some.Event($"e{i}"));
            }

            batch.Events[1500] = batch.Events[1500] with { Sentiment = 3 };
            writer.Write(batch);
        }

        using var reader = MessageReaders.Open(path);
        var result = ReadResult.Of(reader, batchSize: 700);

        Assert.Equal(2499, result.Events.Count);
        Assert.Equal("e2499", result.Events[^1].Name);
        Assert.Equal(new SourceLocation(path, Path: "row 1501"), result.SingleError().Location);
    }
}
