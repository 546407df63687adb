using Waymark.Core.Errors;
using Waymark.Core.Ingest;
using Waymark.Core.Model;

namespace Waymark.Formats.Tests;

/// <summary>Everything a reader produced, batch by batch, gathered in order.</summary>
public sealed record ReadResult(List<Event> Events, List<ProfileMessage> Profiles, List<RecordError> Errors, int Batches)
{
    public static ReadResult Of(IMessageReader reader, int batchSize = 1000)
    {
        var batch = new MessageBatch();
        var result = new ReadResult([], [], [], 0);
        var batches = 0;
        while (reader.ReadBatch(batch, batchSize))
        {
            batches++;
            result.Events.AddRange(batch.Events);
            result.Profiles.AddRange(batch.Profiles);
            result.Errors.AddRange(batch.Errors);
        }

        return result with { Batches = batches };
    }

    public static ReadResult Of(string path, ReaderOptions? options = null)
    {
        using var reader = MessageReaders.Open(path, options);
        return Of(reader);
    }

    public RecordError SingleError() => Assert.Single(Errors);
}
