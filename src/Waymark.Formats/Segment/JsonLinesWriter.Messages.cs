using System.Globalization;
using System.Text.Json;
using Waymark.Core.Model;

namespace Waymark.Formats.Segment;

public sealed partial class JsonLinesWriter
{
    private static readonly JsonEncodedText TypeName = JsonEncodedText.Encode("type");
    private static readonly JsonEncodedText MessageIdName = JsonEncodedText.Encode("messageId");
    private static readonly JsonEncodedText TimestampName = JsonEncodedText.Encode("timestamp");
    private static readonly JsonEncodedText UserIdName = JsonEncodedText.Encode("userId");
    private static readonly JsonEncodedText AnonymousIdName = JsonEncodedText.Encode("anonymousId");
    private static readonly JsonEncodedText EventName = JsonEncodedText.Encode("event");
    private static readonly JsonEncodedText PropertiesName = JsonEncodedText.Encode("properties");
    private static readonly JsonEncodedText TraitsName = JsonEncodedText.Encode("traits");
    private static readonly JsonEncodedText ValueName = JsonEncodedText.Encode("value");
    private static readonly JsonEncodedText SentimentName = JsonEncodedText.Encode("sentiment");
    private static readonly JsonEncodedText ContextName = JsonEncodedText.Encode("context");
    private static readonly JsonEncodedText GroupIdName = JsonEncodedText.Encode("groupId");
    private static readonly JsonEncodedText ChannelName = JsonEncodedText.Encode("channel");
    private static readonly JsonEncodedText SourceName = JsonEncodedText.Encode("source");
    private static readonly JsonEncodedText ActorName = JsonEncodedText.Encode("actor");
    private static readonly JsonEncodedText RoleName = JsonEncodedText.Encode("role");
    private static readonly JsonEncodedText PreviousIdName = JsonEncodedText.Encode("previousId");
    private static readonly JsonEncodedText Track = JsonEncodedText.Encode("track");
    private static readonly JsonEncodedText Identify = JsonEncodedText.Encode("identify");
    private static readonly JsonEncodedText Group = JsonEncodedText.Encode("group");
    private static readonly JsonEncodedText Alias = JsonEncodedText.Encode("alias");

    private void WriteEvent(Event e)
    {
        var w = _json;
        Start(Track, e.MessageId, e.Timestamp);
        WriteIfSet(UserIdName, e.PersonId);
        WriteIfSet(AnonymousIdName, e.AnonymousId);
        w.WriteString(EventName, e.Name);
        WriteObjectIfSet(PropertiesName, e.Properties);
        if (e.Value is { } value)
        {
            w.WriteNumber(ValueName, value);
        }
        else if (e.Properties.Json.Contains("\"value\"", StringComparison.Ordinal))
        {
            w.WriteNull(ValueName);
        }

        if (e.Sentiment is { } sentiment)
        {
            w.WriteNumber(SentimentName, sentiment);
        }

        if (e.AccountId is not null || e.Channel is not null || e.Source is not null || e.Actor != Actor.Unknown)
        {
            w.WriteStartObject(ContextName);
            WriteIfSet(GroupIdName, e.AccountId);
            WriteIfSet(ChannelName, e.Channel);
            WriteIfSet(SourceName, e.Source);
            if (e.Actor != Actor.Unknown)
            {
                w.WriteString(ActorName, Names.Of(e.Actor));
            }

            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private void WriteProfile(ProfileMessage profile)
    {
        switch (profile)
        {
            case IdentifyMessage identify:
                Start(Identify, identify.MessageId, identify.Timestamp);
                WriteIfSet(UserIdName, identify.PersonId);
                WriteIfSet(AnonymousIdName, identify.AnonymousId);
                WriteObjectIfSet(TraitsName, identify.Traits);
                break;
            case GroupMessage group:
                Start(Group, group.MessageId, group.Timestamp);
                WriteIfSet(UserIdName, group.PersonId);
                WriteIfSet(AnonymousIdName, group.AnonymousId);
                _json.WriteString(GroupIdName, group.AccountId);
                WriteObjectIfSet(TraitsName, group.Traits);
                WriteRoles(group.Roles);
                break;
            case AliasMessage alias:
                Start(Alias, alias.MessageId, alias.Timestamp);
                _json.WriteString(PreviousIdName, alias.PreviousId);
                _json.WriteString(UserIdName, alias.PersonId);
                break;
            default:
                throw new ArgumentException($"unknown profile message {profile.GetType().Name}", nameof(profile));
        }

        _json.WriteEndObject();
    }

    private void Start(JsonEncodedText type, string messageId, DateTime timestamp)
    {
        var w = _json;
        w.WriteStartObject();
        w.WriteString(TypeName, type);
        w.WriteString(MessageIdName, messageId);
        Span<byte> time = stackalloc byte[32];
        Timestamps.Normalize(timestamp).TryFormat(time, out var length, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        w.WriteString(TimestampName, time[..length]);
    }

    private void WriteRoles(IReadOnlyList<string> roles)
    {
        if (roles.Count == 0)
        {
            return;
        }

        _json.WriteStartObject(ContextName);
        _json.WriteStartArray(RoleName);
        foreach (var role in roles)
        {
            _json.WriteStringValue(role);
        }

        _json.WriteEndArray();
        _json.WriteEndObject();
    }

    private void WriteIfSet(JsonEncodedText name, string? value)
    {
        if (value is not null)
        {
            _json.WriteString(name, value);
        }
    }

    private void WriteObjectIfSet(JsonEncodedText name, Properties value)
    {
        if (!value.IsEmpty)
        {
            _json.WritePropertyName(name);
            _json.WriteRawValue(value.Json, skipInputValidation: true);
        }
    }
}
