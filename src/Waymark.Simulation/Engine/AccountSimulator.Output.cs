using System.Globalization;
using Waymark.Core.Model;

namespace Waymark.Simulation.Engine;

/// <summary>
/// Turning the buffer into messages: identify and group messages when each person becomes
/// known, then everything sorted by time and numbered, so message ids follow time order.
/// </summary>
internal sealed partial class AccountSimulator
{
    /// <summary>Account traits after each plan change, in the order made: (ms, traits).</summary>
    private readonly List<(long At, Properties Traits)> _traitHistory = [];

    /// <summary>Records the account's new plan and MRR and tells it with a group message for <paramref name="person"/>.</summary>
    private void PlanChanged(long at, int person)
    {
        var traits = AccountTraits();
        _traitHistory.Add((at, traits));
        AddProfile(at, EventType.Group, person, traits);
    }

    private void AddProfiles()
    {
        for (var k = 0; k < _people.Count; k++)
        {
            var known = _people[k].KnownAt;
            if (known < _endMs)
            {
                AddProfile(known, EventType.Identify, k, _people[k].Traits);
                AddProfile(known, EventType.Group, k, TraitsAt(known));
            }
        }
    }

    /// <summary>The account's traits as they stood at a time: the latest plan change at or before it.</summary>
    private Properties TraitsAt(long at)
    {
        var (best, traits) = (long.MinValue, _initialTraits!);
        foreach (var (changed, changedTraits) in _traitHistory)
        {
            if (changed <= at && changed >= best)
            {
                (best, traits) = (changed, changedTraits);
            }
        }

        return traits;
    }

    private AccountTruth Truth() => new()
    {
        Index = _index,
        AccountId = _accountId,
        Segment = Catalog.Segments[_profile.Segment],
        Industry = Catalog.Industries[_profile.Industry],
        Region = Catalog.Regions[_profile.Region],
        AdoptionStage = Catalog.Stages[_profile.Stage],
        People = _people.Count,
        Drivers = new AccountDrivers(
            _drivers.SlowValue ? FirstValueSpeed.Slow : FirstValueSpeed.Fast,
            _drivers.Champion,
            _state.ChampionLostAt == NotYet ? null : Time(_state.ChampionLostAt),
            _drivers.BadSupport ? SupportExperience.Bad : SupportExperience.Good,
            _drivers.PoorFit ? SegmentFit.Poor : SegmentFit.Good),
        ChampionId = ChampionIndex() is var champion and >= 0 ? _people[champion].Id : null,
        CustomerAtStart = _state.CustomerAtStart,
        Bought = _state.SignedAt != NotYet,
        SignedAt = _state.SignedAt == NotYet ? null : Time(_state.SignedAt),
        LostTo = _state.LostTo,
        FirstValueAt = _state.FirstValueAt == NotYet ? null : Time(_state.FirstValueAt),
        Churned = _state.ChurnedAt != NotYet,
        ChurnedAt = _state.ChurnedAt == NotYet ? null : Time(_state.ChurnedAt),
        Expanded = _state.Expanded,
        Contracted = _state.Contracted,
        FinalMrr = _state.Mrr,
        Events = EventCount,
    };

    private DateTime Time(long ms) => new(_startTicks + (ms * TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);

    /// <summary>Sorts the buffer by time and appends its messages, numbered from 0, to the lists.</summary>
    public void WriteMessages(List<Event> events, List<ProfileMessage> profiles)
    {
        Array.Sort(_keys, _records, 0, _count);
        for (var i = 0; i < _count; i++)
        {
            var ms = _keys[i] >> 24;
            var r = _records[i];
            var person = _people[r.Person];
            switch (r.Type)
            {
                case EventType.Identify:
                    profiles.Add(new IdentifyMessage
                    {
                        MessageId = MessageId(i),
                        Timestamp = Time(ms),
                        PersonId = person.Id,
                        AnonymousId = person.AnonymousId,
                        Traits = r.Props,
                    });
                    break;
                case EventType.Group:
                    profiles.Add(new GroupMessage
                    {
                        MessageId = MessageId(i),
                        Timestamp = Time(ms),
                        PersonId = person.Id,
                        AccountId = _accountId,
                        Traits = r.Props,
                        Roles = person.RoleNames,
                    });
                    break;
                default:
                    events.Add(ToEvent(i, ms, r, person));
                    break;
            }
        }
    }

    /// <summary>Before the person is known, only the anonymous id and no account: identity resolution has work to do.</summary>
    private Event ToEvent(int n, long ms, Record r, Person person)
    {
        var known = ms >= person.KnownAt;
        return new Event
        {
            MessageId = MessageId(n),
            Timestamp = Time(ms),
            PersonId = known ? person.Id : null,
            AnonymousId = person.AnonymousId,
            AccountId = known ? _accountId : null,
            Name = EventTypes.Name(r.Type),
            Channel = EventTypes.Channel(r.Type),
            Source = EventTypes.Source(r.Type),
            Actor = EventTypes.ActorOf(r.Type),
            Properties = r.Props,
            Value = double.IsNaN(r.Value) ? null : r.Value,
            Sentiment = double.IsNaN(r.Sentiment) ? null : r.Sentiment,
        };
    }

    private string MessageId(int n) => string.Create(_idPrefix.Length + CountDigits(n), (_idPrefix, n), static (chars, state) =>
    {
        state._idPrefix.AsSpan().CopyTo(chars);
        state.n.TryFormat(chars[state._idPrefix.Length..], out _, default, CultureInfo.InvariantCulture);
    });

    private static int CountDigits(int n) => n < 10 ? 1 : n < 100 ? 2 : n < 1000 ? 3 : n < 10000 ? 4 : n < 100000 ? 5 : 6 + (n >= 1_000_000 ? CountDigits(n / 1_000_000) : 0);
}
