using System.Globalization;
using Waymark.Core.Journeys;
using Waymark.Core.Model;
using Waymark.Engine.Snapshot;
using Waymark.Journeys.Batch;
using Waymark.Journeys.Compilation;
using Waymark.Journeys.Instances;
using Waymark.Journeys.Tracking;

namespace Waymark.Journeys.Tests;

/// <summary>
/// A small world for journey tests: events of accounts' people, account and person traits, roles.
/// It evaluates a map in batch (on an engine snapshot built from it) or through the tracker (fed in
/// any order), so one suite runs against both.
/// </summary>
internal sealed class History : Core.Ingest.IMessageSink
{
    public static readonly DateTime Day0 = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private readonly Dictionary<string, string> _accountTraits = [];
    private readonly Dictionary<string, string> _personTraits = [];
    private readonly Dictionary<(string Person, string Account), string> _roles = [];

    public List<Event> Events { get; } = [];

    /// <summary>Takes a simulated company's events, account traits and roles, as a simulator's sink.</summary>
    public void Write(Core.Ingest.MessageBatch batch)
    {
        Events.AddRange(batch.Events);
        foreach (var profile in batch.Profiles)
        {
            if (profile is GroupMessage group && group.PersonId is { } person)
            {
                _accountTraits[group.AccountId] = Merge(_accountTraits.GetValueOrDefault(group.AccountId, "{}"), group.Traits.Json);
                _roles[(person, group.AccountId)] = System.Text.Json.JsonSerializer.Serialize(group.Roles);
                _personTraits.TryAdd(person, "{}");
            }
            else if (profile is IdentifyMessage identify && identify.PersonId is { } id)
            {
                _personTraits[id] = Merge(_personTraits.GetValueOrDefault(id, "{}"), identify.Traits.Json);
            }
        }

    }

    private static string Merge(string baseJson, string patchJson)
    {
        var merged = System.Text.Json.Nodes.JsonNode.Parse(baseJson)!.AsObject();
        foreach (var (k, v) in System.Text.Json.Nodes.JsonNode.Parse(patchJson)!.AsObject())
        {
            merged[k] = v?.DeepClone();
        }

        return merged.ToJsonString();
    }

    public static DateTime Day(double day) => Day0.AddDays(day);

    public History Account(string account, string traitsJson)
    {
        _accountTraits[account] = traitsJson;
        return this;
    }

    public History Person(string person, string account, string traitsJson = "{}", params Role[] roles)
    {
        _personTraits[person] = traitsJson;
        _roles[(person, account)] = "[" + string.Join(",", roles.Select(r => $"\"{Names.Of(r)}\"")) + "]";
        return this;
    }

    /// <summary>An event of <paramref name="account"/> (by its person <c>account-p</c> unless given) on day <paramref name="day"/>.</summary>
    public History At(double day, string account, string name, string properties = "{}", string? person = null)
    {
        Events.Add(new Event
        {
            MessageId = "m" + Events.Count.ToString(CultureInfo.InvariantCulture),
            Timestamp = Day(day),
            AccountId = account,
            PersonId = person ?? account + "-p",
            Name = name,
            Properties = Properties.Parse(properties),
        });
        return this;
    }

    private readonly Dictionary<JourneySubject, (int Events, EventLog Log)> _logs = [];

    /// <summary>Three distinct invitations (a, b, c) on one day.</summary>
    public History Invites(double day, string account) =>
        At(day, account, "user_invited", """{"invitee_id":"a"}""").At(day, account, "user_invited", """{"invitee_id":"b"}""")
            .At(day, account, "user_invited", """{"invitee_id":"c"}""");

    public IReadOnlyList<JourneyInstance> Batch(JourneyMap map, DateTime at)
    {
        if (!_logs.TryGetValue(map.Subject, out var cached) || cached.Events != Events.Count)
        {
            _logs[map.Subject] = cached = (Events.Count, Log(map.Subject));
        }

        return Sorted(JourneyBatch.Evaluate(cached.Log, CompiledJourney.Compile(map), at));
    }

    /// <summary>An engine snapshot of the events, by account or by person.</summary>
    public EventLog Log(JourneySubject kind)
    {
        var account = kind == JourneySubject.Account;
        var builder = new EventLog.Builder(account ? SubjectKind.Account : SubjectKind.Person);
        foreach (var e in Events)
        {
            var person = e.PersonId ?? e.AnonymousId;
            if ((account ? e.AccountId : person) is not { } subject)
            {
                continue;
            }

            var roles = person is not null && e.AccountId is { } a && _roles.TryGetValue((person, a), out var r) ? r : null;
            builder.AddEvent(subject, Ms(e.Timestamp), e.Name, e.Properties.Json, roles);
        }

        foreach (var (id, traits) in account ? _accountTraits : MergedPersonTraits())
        {
            builder.SetTraits(id, traits);
        }

        return builder.Build();
    }

    public IReadOnlyList<JourneyInstance> Tracked(JourneyMap map, DateTime at, IEnumerable<Event>? order = null) =>
        Sorted(Tracker([map], order).Instances(at));

    /// <summary>A tracker fed the events one by one, or in batches of <paramref name="batch"/> (taken in on two workers).</summary>
    public JourneyTracker Tracker(IEnumerable<JourneyMap> maps, IEnumerable<Event>? order = null, int batch = 1)
    {
        var tracker = new JourneyTracker(maps.Select(m => CompiledJourney.Compile(m)), Directory());
        foreach (var chunk in (order ?? Events).Chunk(batch))
        {
            if (chunk.Length == 1)
            {
                tracker.Track(chunk[0]);
            }
            else
            {
                tracker.Track(chunk);
            }
        }

        return tracker;
    }

    public SubjectDirectory Directory()
    {
        var directory = new SubjectDirectory();
        foreach (var (id, traits) in _accountTraits)
        {
            directory.SetAccountTraits(id, traits);
        }

        foreach (var (id, traits) in _personTraits)
        {
            directory.SetPersonTraits(id, traits);
        }

        foreach (var ((person, account), roles) in _roles)
        {
            directory.SetRoles(person, account, roles);
        }

        return directory;
    }

    public static IReadOnlyList<JourneyInstance> Sorted(IEnumerable<JourneyInstance> instances) =>
        [.. instances.OrderBy(i => i.MapId, StringComparer.Ordinal).ThenBy(i => i.Subject, StringComparer.Ordinal).ThenBy(i => i.Number)];

    public static long Ms(DateTime time) => TimeRange.ToMilliseconds(time);

    // Snapshots serve a person's trait from the person, else from their account, and "role" from the membership.
    private IEnumerable<KeyValuePair<string, string>> MergedPersonTraits()
    {
        foreach (var ((person, account), roles) in _roles)
        {
            var merged = new System.Text.Json.Nodes.JsonObject();
            if (_accountTraits.TryGetValue(account, out var a))
            {
                foreach (var (k, v) in System.Text.Json.Nodes.JsonNode.Parse(a)!.AsObject())
                {
                    merged[k] = v?.DeepClone();
                }
            }

            foreach (var (k, v) in System.Text.Json.Nodes.JsonNode.Parse(_personTraits.GetValueOrDefault(person, "{}"))!.AsObject())
            {
                merged[k] = v?.DeepClone();
            }

            merged["role"] = System.Text.Json.Nodes.JsonNode.Parse(roles);
            yield return new(person, merged.ToJsonString());
        }
    }
}
