using System.Text.Json;
using Waymark.Core.Model;

namespace Waymark.Formats.Csv;

public sealed partial class CsvMessageWriter
{
    // Column order: type, message_id, timestamp, user_id, anonymous_id, account_id, event, channel,
    // source, actor, value, sentiment, properties, traits, roles, previous_id.
    private void WriteEvent(Event e)
    {
        Ascii("track,");
        Text(e.MessageId);
        Ascii(",");
        Time(e.Timestamp);
        Ascii(",");
        Text(e.PersonId);
        Ascii(",");
        Text(e.AnonymousId);
        Ascii(",");
        Text(e.AccountId);
        Ascii(",");
        Text(e.Name);
        Ascii(",");
        Text(e.Channel);
        Ascii(",");
        Text(e.Source);
        Ascii(",");
        Text(e.Actor == Actor.Unknown ? null : Names.Of(e.Actor));
        Ascii(",");
        Number(e.Value);
        Ascii(",");
        Number(e.Sentiment);
        Ascii(",");
        Text(e.Properties.IsEmpty ? null : e.Properties.Json);
        Ascii(",,,");
        EndRow();
    }

    private void WriteProfile(ProfileMessage profile)
    {
        switch (profile)
        {
            case IdentifyMessage m:
                Profile("identify", m.MessageId, m.Timestamp, m.PersonId, m.AnonymousId, null, m.Traits, [], null);
                break;
            case GroupMessage m:
                Profile("group", m.MessageId, m.Timestamp, m.PersonId, m.AnonymousId, m.AccountId, m.Traits, m.Roles, null);
                break;
            case AliasMessage m:
                Profile("alias", m.MessageId, m.Timestamp, m.PersonId, null, null, Properties.Empty, [], m.PreviousId);
                break;
            default:
                throw new ArgumentException($"unknown profile message {profile.GetType().Name}", nameof(profile));
        }
    }

    private void Profile(string type, string id, DateTime time, string? person, string? anonymous, string? account,
        Properties traits, IReadOnlyList<string> roles, string? previous)
    {
        Ascii(type);
        Ascii(",");
        Text(id);
        Ascii(",");
        Time(time);
        Ascii(",");
        Text(person);
        Ascii(",");
        Text(anonymous);
        Ascii(",");
        Text(account);
        Ascii(",,,,,,,,");
        Text(traits.IsEmpty ? null : traits.Json);
        Ascii(",");
        Text(roles.Count == 0 ? null : JsonSerializer.Serialize(roles as string[] ?? [.. roles], Tables.TableJsonContext.Default.StringArray));
        Ascii(",");
        Text(previous);
        EndRow();
    }
}
