using Waymark.Core.Errors;
using Waymark.Core.Ingest;
using Waymark.Core.Model;

namespace Waymark.Formats.Tables;

/// <summary>
/// Turns table rows into messages by the rules of <see cref="TableColumns"/>: the <c>type</c>
/// column (empty means <c>track</c>) picks the message kind; see the CSV and Parquet readers for
/// the full rules.
/// </summary>
internal sealed partial class TableMessageBuilder(TableColumns columns, string eventSource) : IDisposable
{
    private readonly TablePropertiesBuilder _properties = new(columns);

    /// <summary>The error of the last row that <see cref="TryAdd"/> rejected.</summary>
    public RecordError? Error { get; private set; }

    /// <summary>Adds the row's message to the batch; false with <see cref="Error"/> set when the row is bad.</summary>
    public bool TryAdd<TRow>(TRow row, MessageBatch batch)
        where TRow : ITableRow
    {
        Error = null;
        if (!TryKind(row, out var kind) || !TryTime(row, out var time))
        {
            return false;
        }

        var person = Text(row, columns.Person);
        var anonymous = Text(row, columns.Anonymous);
        if (person is null && anonymous is null)
        {
            var column = columns.Person >= 0 ? columns.Person : columns.Anonymous;
            return Fail(row, column, $"a person id in column \"{columns.NameOf(column)}\"", "an empty cell");
        }

        var id = Text(row, columns.MessageId) ?? row.DeriveMessageId();
        return kind switch
        {
            TableKind.Identify => AddIdentify(row, batch, id, time, person, anonymous),
            TableKind.Group => AddGroup(row, batch, id, time, person, anonymous),
            TableKind.Alias => AddAlias(row, batch, id, time, person),
            _ => AddEvent(row, batch, id, time, person, anonymous),
        };
    }

    private bool AddEvent<TRow>(TRow row, MessageBatch batch, string id, DateTime time, string? person, string? anonymous)
        where TRow : ITableRow
    {
        var name = Repeated(row, columns.Event);
        if (name is null)
        {
            return Fail(row, columns.Event, $"an event name in column \"{columns.NameOf(columns.Event)}\"", "an empty cell");
        }

        if (!TryActor(row, out var actor) || !TryNumber(row, columns.Value, out var value)
            || !TryNumber(row, columns.Sentiment, out var sentiment) || !TrySentiment(row, sentiment))
        {
            return false;
        }

        if (!_properties.TryBuild(row, out var properties, out var error))
        {
            Error = error;
            return false;
        }

        batch.Events.Add(new Event
        {
            MessageId = id,
            Timestamp = time,
            PersonId = person,
            AnonymousId = anonymous,
            AccountId = Repeated(row, columns.Account),
            Name = name,
            Channel = Repeated(row, columns.Channel),
            Source = Repeated(row, columns.Source) ?? eventSource,
            Actor = actor,
            Properties = properties,
            Value = value,
            Sentiment = sentiment,
        });
        return true;
    }

    private bool AddIdentify<TRow>(TRow row, MessageBatch batch, string id, DateTime time, string? person, string? anonymous)
        where TRow : ITableRow
    {
        if (!_properties.TryJsonColumn(row, columns.Traits, out var traits, out var error))
        {
            Error = error;
            return false;
        }

        batch.Profiles.Add(new IdentifyMessage { MessageId = id, Timestamp = time, PersonId = person, AnonymousId = anonymous, Traits = traits });
        return true;
    }

    private bool AddGroup<TRow>(TRow row, MessageBatch batch, string id, DateTime time, string? person, string? anonymous)
        where TRow : ITableRow
    {
        var account = Text(row, columns.Account);
        if (account is null)
        {
            return Fail(row, columns.Account, "an account id in the account column of a group row", "an empty cell");
        }

        if (!_properties.TryJsonColumn(row, columns.Traits, out var traits, out var error) || !TryRoles(row, out var roles))
        {
            Error ??= error;
            return false;
        }

        batch.Profiles.Add(new GroupMessage
        {
            MessageId = id,
            Timestamp = time,
            PersonId = person,
            AnonymousId = anonymous,
            AccountId = account,
            Traits = traits,
            Roles = roles,
        });
        return true;
    }

    private bool AddAlias<TRow>(TRow row, MessageBatch batch, string id, DateTime time, string? person)
        where TRow : ITableRow
    {
        var previous = Text(row, columns.PreviousId);
        if (previous is null)
        {
            return Fail(row, columns.PreviousId, "a previous id in column previous_id of an alias row", "an empty cell");
        }

        if (person is null)
        {
            return Fail(row, columns.Person, "a person id in the person column of an alias row", "an empty cell");
        }

        batch.Profiles.Add(new AliasMessage { MessageId = id, Timestamp = time, PreviousId = previous, PersonId = person });
        return true;
    }

    public void Dispose() => _properties.Dispose();

    private static string? Text<TRow>(TRow row, int column)
        where TRow : ITableRow => column < 0 ? null : row.GetString(column);

    private static string? Repeated<TRow>(TRow row, int column)
        where TRow : ITableRow => column < 0 ? null : row.GetRepeatedString(column);

    private bool Fail<TRow>(TRow row, int column, string expected, string found)
        where TRow : ITableRow
    {
        Error = new RecordError(row.Locate(column), expected, found);
        return false;
    }
}
