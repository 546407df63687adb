using Waymark.Core.Ingest;
using Waymark.Core.Model;

namespace Waymark.Formats.Segment;

internal sealed partial class SegmentLineParser
{
    private readonly PropertiesBuilder _pageProperties = new();

    /// <summary>Turns the parsed fields into a message and adds it to the batch; false with <see cref="Error"/> when a required field is missing.</summary>
    public bool AddTo(MessageBatch batch, ReadOnlySpan<byte> line, string eventSource)
    {
        var f = Fields;
        var kind = f.Kind == SegmentKind.None && f.EventName is not null ? SegmentKind.Track : f.Kind;
        if (kind == SegmentKind.None)
        {
            return Fail("$.type", 0, KindExpected, "no type and no event");
        }

        if (f.Time is not { } time)
        {
            return Fail("$.timestamp", 0, TimeExpected + " in timestamp, originalTimestamp, sentAt or receivedAt", "none");
        }

        if (f.UserId is null && f.AnonymousId is null)
        {
            return Fail("$.userId", 0, "a userId or an anonymousId", "neither");
        }

        var id = f.MessageId ?? MessageIds.Derive(sourceName, _line, line);
        return kind switch
        {
            SegmentKind.Identify => AddIdentify(batch, id, time),
            SegmentKind.Group => AddGroup(batch, id, time),
            SegmentKind.Alias => AddAlias(batch, id, time),
            _ => AddEvent(batch, kind, id, time, eventSource),
        };
    }

    private bool AddEvent(MessageBatch batch, SegmentKind kind, string id, DateTime time, string eventSource)
    {
        var f = Fields;
        var name = kind switch
        {
            SegmentKind.Page => "page_viewed",
            SegmentKind.Screen => "screen_viewed",
            _ => f.EventName,
        };
        if (name is null)
        {
            return Fail("$.event", 0, "an event name", "none");
        }

        batch.Events.Add(new Event
        {
            MessageId = id,
            Timestamp = time,
            PersonId = f.UserId,
            AnonymousId = f.AnonymousId,
            AccountId = f.ContextGroupId,
            Name = name,
            Channel = f.Channel ?? f.ContextChannel,
            Source = f.Source ?? f.ContextSource ?? eventSource,
            Actor = f.Actor ?? f.ContextActor ?? Actor.Unknown,
            Properties = kind is SegmentKind.Page or SegmentKind.Screen ? PageProperties() : Wrap(f.Properties),
            Value = f.ValueGiven ? f.Value : f.PropertiesValue,
            Sentiment = f.Sentiment,
        });
        return true;
    }

    private bool AddIdentify(MessageBatch batch, string id, DateTime time)
    {
        var f = Fields;
        batch.Profiles.Add(new IdentifyMessage
        {
            MessageId = id,
            Timestamp = time,
            PersonId = f.UserId,
            AnonymousId = f.AnonymousId,
            Traits = Wrap(f.Traits),
        });
        return true;
    }

    private bool AddGroup(MessageBatch batch, string id, DateTime time)
    {
        var f = Fields;
        if (f.GroupId is null)
        {
            return Fail("$.groupId", 0, "a groupId", "none");
        }

        batch.Profiles.Add(new GroupMessage
        {
            MessageId = id,
            Timestamp = time,
            PersonId = f.UserId,
            AnonymousId = f.AnonymousId,
            AccountId = f.GroupId,
            Traits = Wrap(f.Traits),
            Roles = f.Roles is null ? [] : [.. f.Roles],
        });
        return true;
    }

    private bool AddAlias(MessageBatch batch, string id, DateTime time)
    {
        var f = Fields;
        if (f.PreviousId is null)
        {
            return Fail("$.previousId", 0, "a previousId", "none");
        }

        if (f.UserId is null)
        {
            return Fail("$.userId", 0, "a userId", "none");
        }

        batch.Profiles.Add(new AliasMessage { MessageId = id, Timestamp = time, PreviousId = f.PreviousId, PersonId = f.UserId });
        return true;
    }

    // A page's or screen's name and category join its properties; they win over same-named properties.
    private Properties PageProperties()
    {
        var f = Fields;
        if (f.PageName is null && f.PageCategory is null)
        {
            return Wrap(f.Properties);
        }

        var builder = _pageProperties;
        if (f.Properties is not null)
        {
            using var document = System.Text.Json.JsonDocument.Parse(f.Properties);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                builder.Add(property.Name, property.Value);
            }
        }

        if (f.PageName is not null)
        {
            builder.Add("name", f.PageName);
        }

        if (f.PageCategory is not null)
        {
            builder.Add("category", f.PageCategory);
        }

        return builder.Build();
    }

    private static Properties Wrap(string? json) => json is null ? Properties.Empty : Properties.FromTrustedJson(json);
}
