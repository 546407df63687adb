using System.Text.Json;
using Waymark.Core.Model;
using Waymark.Engine.Snapshot;
using Waymark.Journeys.Evaluation;

namespace Waymark.Journeys.Tracking;

/// <summary>
/// The event the tracker is taking in, shared by every journey: its time in milliseconds and, read
/// once on first need, the JSON text of the properties any journey's conditions read.
/// </summary>
internal sealed class LiveEvent(string[] keys)
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    // Compared with the JSON's UTF-8 property names as bytes, without transcoding either.
    private readonly byte[][] _utf8Keys = [.. keys.Select(System.Text.Encoding.UTF8.GetBytes)];
    private bool _parsed;

    public Event Event { get; private set; } = null!;

    public long Time { get; private set; }

    /// <summary>The tracker's number for the event's account, or -1 when it has none.</summary>
    public int Account { get; private set; }

    /// <summary>The tracker's number for the event's person, or -1 when it has none.</summary>
    public int Person { get; private set; }

    /// <summary>The tracker's number for the event's name.</summary>
    public int Name { get; private set; }

    /// <summary>The roles of the event's person in its account (bits of <see cref="Role"/>).</summary>
    public int Roles { get; private set; }

    /// <summary>The subject's number for a journey of <paramref name="kind"/>, or -1.</summary>
    public int Subject(Core.Journeys.JourneySubject kind) => kind == Core.Journeys.JourneySubject.Account ? Account : Person;

    /// <summary>The account's timeline (the event already in it), or null.</summary>
    public SubjectTimeline? AccountTimeline { get; set; }

    /// <summary>The person's timeline (the event already in it), or null.</summary>
    public SubjectTimeline? PersonTimeline { get; set; }

    /// <summary>True when the event went to the end of the account's timeline (no earlier event of the account is newer).</summary>
    public bool AccountInOrder { get; set; }

    /// <summary>True when the event went to the end of the person's timeline.</summary>
    public bool PersonInOrder { get; set; }

    /// <summary>True when the event is the newest of its subject for a journey of <paramref name="kind"/>.</summary>
    public bool InOrder(Core.Journeys.JourneySubject kind) => kind == Core.Journeys.JourneySubject.Account ? AccountInOrder : PersonInOrder;

    /// <summary>The subject's timeline for a journey of <paramref name="kind"/>.</summary>
    public SubjectTimeline Timeline(Core.Journeys.JourneySubject kind) =>
        (kind == Core.Journeys.JourneySubject.Account ? AccountTimeline : PersonTimeline)!;

    /// <summary>The read properties by key (absent keys are missing).</summary>
    public Dictionary<string, string> Values
    {
        get
        {
            if (!_parsed)
            {
                Parse();
            }

            return _values;
        }
    }

    public void Reset(Event e, int account, int person, int name, int roles)
    {
        Event = e;
        Account = account;
        Person = person;
        Name = name;
        Roles = roles;
        Time = TimeRange.ToMilliseconds(e.Timestamp);
        _parsed = false;
        _values.Clear();
    }

    // One forward pass over the UTF-8 bytes, keeping the raw text of the wanted top-level members only.
    private void Parse()
    {
        _parsed = true;
        var json = Event.Properties.Json;
        if (Event.Properties.IsEmpty)
        {
            return;
        }

        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(System.Text.Encoding.UTF8.GetMaxByteCount(json.Length));
        try
        {
            var length = System.Text.Encoding.UTF8.GetBytes(json, buffer);
            var bytes = buffer.AsSpan(0, length);
            var reader = new Utf8JsonReader(bytes);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var key = Wanted(ref reader);
                reader.Read();
                var start = (int)reader.TokenStartIndex;
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    reader.Skip();
                }

                if (key is not null)
                {
                    _values[key] = System.Text.Encoding.UTF8.GetString(bytes[start..(int)reader.BytesConsumed]);
                }
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private string? Wanted(ref Utf8JsonReader reader)
    {
        for (var k = 0; k < _utf8Keys.Length; k++)
        {
            if (reader.ValueTextEquals(_utf8Keys[k]))
            {
                return keys[k];
            }
        }

        return null;
    }
}
