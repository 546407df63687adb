using Waymark.Core.Ingest;
using Waymark.Core.Model;

namespace Waymark.Storage.DuckDb.Tests;

/// <summary>Throwaway values, so each test shows only what matters to it.</summary>
internal static class Some
{
    public static readonly DateTime Time = new(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc);

    public static Event Event(string id, string name = "report_viewed", string? person = "p1", int minute = 0, string? account = null) => new()
    {
        MessageId = id,
        Timestamp = Time.AddMinutes(minute),
        PersonId = person,
        AccountId = account,
        Name = name,
        Actor = Actor.Customer,
    };

    public static MessageBatch Batch(params Event[] events)
    {
        var batch = new MessageBatch();
        batch.Events.AddRange(events);
        return batch;
    }

    public static MessageBatch Batch(params ProfileMessage[] messages)
    {
        var batch = new MessageBatch();
        batch.Profiles.AddRange(messages);
        return batch;
    }

    public static Properties Traits(string json) => Properties.Parse(json);
}
