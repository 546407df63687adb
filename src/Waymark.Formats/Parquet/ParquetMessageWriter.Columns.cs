using System.Text.Json;
using Parquet;
using Parquet.Schema;
using Waymark.Core.Model;

namespace Waymark.Formats.Parquet;

public sealed partial class ParquetMessageWriter
{
    private void WriteRowGroup()
    {
        var rows = _events.Count + _profiles.Count;
        if (rows == 0)
        {
            return;
        }

        using (var group = _writer.CreateRowGroup())
        {
            var strings = new string?[rows];
            Strings(group, TypeField, strings, e => "track", Type);
            Strings(group, MessageIdField, strings, e => e.MessageId, p => p.MessageId);
            Times(group, rows);
            Strings(group, UserIdField, strings, e => e.PersonId, PersonOf);
            Strings(group, AnonymousIdField, strings, e => e.AnonymousId, AnonymousOf);
            Strings(group, AccountIdField, strings, e => e.AccountId, p => (p as GroupMessage)?.AccountId);
            Strings(group, EventField, strings, e => e.Name, _ => null);
            Strings(group, ChannelField, strings, e => e.Channel, _ => null);
            Strings(group, SourceField, strings, e => e.Source, _ => null);
            Strings(group, ActorField, strings, e => e.Actor == Actor.Unknown ? null : Names.Of(e.Actor), _ => null);
            Numbers(group, ValueField, rows, e => e.Value);
            Numbers(group, SentimentField, rows, e => e.Sentiment);
            Strings(group, PropertiesField, strings, e => JsonOrNull(e.Properties), _ => null);
            Strings(group, TraitsField, strings, _ => null, p => JsonOrNull(TraitsOf(p)));
            Strings(group, RolesField, strings, _ => null, RolesOf);
            Strings(group, PreviousIdField, strings, _ => null, p => (p as AliasMessage)?.PreviousId);
            group.CompleteValidate();
        }

        _events.Clear();
        _profiles.Clear();
    }

    private void Strings(ParquetRowGroupWriter group, DataField field, string?[] values, Func<Event, string?> ofEvent,
        Func<ProfileMessage, string?> ofProfile)
    {
        var i = 0;
        foreach (var e in _events)
        {
            values[i++] = ofEvent(e);
        }

        foreach (var p in _profiles)
        {
            values[i++] = ofProfile(p);
        }

        group.WriteAsync(field, values!).GetAwaiter().GetResult();
    }

    private void Times(ParquetRowGroupWriter group, int rows)
    {
        var values = new DateTime[rows];
        var i = 0;
        foreach (var e in _events)
        {
            values[i++] = Timestamps.Normalize(e.Timestamp);
        }

        foreach (var p in _profiles)
        {
            values[i++] = Timestamps.Normalize(p.Timestamp);
        }

        group.WriteAsync<DateTime>(TimestampField, values.AsMemory()).GetAwaiter().GetResult();
    }

    private void Numbers(ParquetRowGroupWriter group, DataField field, int rows, Func<Event, double?> ofEvent)
    {
        var values = new double?[rows];
        var i = 0;
        foreach (var e in _events)
        {
            values[i++] = ofEvent(e);
        }

        group.WriteAsync<double>(field, values.AsMemory()).GetAwaiter().GetResult();
    }

    private static string Type(ProfileMessage p) => p switch
    {
        IdentifyMessage => "identify",
        GroupMessage => "group",
        AliasMessage => "alias",
        _ => throw new ArgumentException($"unknown profile message {p.GetType().Name}", nameof(p)),
    };

    private static string? PersonOf(ProfileMessage p) => p switch
    {
        IdentifyMessage m => m.PersonId,
        GroupMessage m => m.PersonId,
        AliasMessage m => m.PersonId,
        _ => null,
    };

    private static string? AnonymousOf(ProfileMessage p) => p switch
    {
        IdentifyMessage m => m.AnonymousId,
        GroupMessage m => m.AnonymousId,
        _ => null,
    };

    private static Properties TraitsOf(ProfileMessage p) => p switch
    {
        IdentifyMessage m => m.Traits,
        GroupMessage m => m.Traits,
        _ => Properties.Empty,
    };

    private static string? RolesOf(ProfileMessage p) => p is GroupMessage { Roles.Count: > 0 } g
        ? JsonSerializer.Serialize(g.Roles as string[] ?? [.. g.Roles], Tables.TableJsonContext.Default.StringArray)
        : null;

    private static string? JsonOrNull(Properties properties) => properties.IsEmpty ? null : properties.Json;
}
