using Waymark.Core.Journeys;
using Waymark.Core.Model;
using Waymark.Engine.Snapshot;
using Waymark.Journeys.Compilation;
using Waymark.Journeys.Evaluation;
using Waymark.Journeys.Instances;

namespace Waymark.Journeys.Tracking;

/// <summary>
/// Evaluates journeys incrementally, event by event as events arrive, late ones included: an event
/// newer than everything its subject has is taken in at once; an older one (or one at the time of
/// the latest closed group) is put in its place and the subject's journey is replayed. Either way
/// the instances equal those of batch evaluation over the same events. A batch of events is
/// prepared on the caller's thread (subjects numbered, timelines extended, properties read), then
/// the journeys take it in on two workers, each its own journeys in event order. Not thread-safe:
/// one writer.
/// </summary>
public sealed class JourneyTracker
{
    private readonly JourneyTrack[] _tracks;
    private readonly List<LiveEvent> _batch = [];
    private readonly string[] _keys;
    private readonly SubjectDirectory _directory;
    private readonly Numbering _accounts = new();
    private readonly Numbering _people = new();
    private readonly Numbering _names = new();
    private readonly List<SubjectTimeline> _accountTimelines = [];
    private readonly List<SubjectTimeline> _personTimelines = [];
    private readonly Dictionary<string, Actor> _actors = new(StringComparer.Ordinal);

    /// <summary>A tracker for <paramref name="journeys"/>, reading traits and roles from <paramref name="directory"/>.</summary>
    public JourneyTracker(IEnumerable<CompiledJourney> journeys, SubjectDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(journeys);
        ArgumentNullException.ThrowIfNull(directory);
        _directory = directory;
        _tracks = [.. journeys.Select(j => new JourneyTrack(j, directory))];
        _keys = [.. _tracks.SelectMany(t => t.Keys).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>How many events were tracked.</summary>
    public long Events { get; private set; }

    /// <summary>How many (journey, subject) pairs hold state: subjects in a journey's <c>applies_to</c> with events.</summary>
    public int TrackedSubjects => _tracks.Sum(t => t.Subjects);


    /// <summary>Takes one event in, for every journey it concerns.</summary>
    public void Track(Event e)
    {
        ArgumentNullException.ThrowIfNull(e);
        Track([e]);
    }

    /// <summary>Takes events in, in the order given, for every journey they concern.</summary>
    public void Track(IReadOnlyList<Event> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        while (_batch.Count < events.Count)
        {
            _batch.Add(new LiveEvent(_keys));
        }

        for (var i = 0; i < events.Count; i++)
        {
            Prepare(events[i], _batch[i]);
        }

        if (events.Count < 64 || _tracks.Length == 1)
        {
            TrackBatch(0, 1, events.Count);
        }
        else
        {
            Parallel.For(0, 2, worker => TrackBatch(worker, 2, events.Count));
        }

        Events += events.Count;
    }

    private void Prepare(Event e, LiveEvent live)
    {
        ArgumentNullException.ThrowIfNull(e);
        int accountId, personId, roles;
        if ((e.PersonId ?? e.AnonymousId) is { } person)
        {
            // One look-up per event: a person's number, account and roles are kept while they stay the same.
            if (!_actors.TryGetValue(person, out var actor))
            {
                _actors[person] = actor = new Actor(_people.Of(person));
            }

            if (actor.Directory != _directory.Version || !string.Equals(actor.Account, e.AccountId, StringComparison.Ordinal))
            {
                actor.Account = e.AccountId;
                actor.AccountNumber = _accounts.Of(e.AccountId);
                actor.Roles = _directory.Roles(e.PersonId, e.AccountId);
                actor.Directory = _directory.Version;
            }

            (accountId, personId, roles) = (actor.AccountNumber, actor.Number, actor.Roles);
        }
        else
        {
            (accountId, personId, roles) = (_accounts.Of(e.AccountId), -1, 0);
        }

        live.Reset(e, accountId, personId, _names.Of(e.Name), roles);
        (live.AccountTimeline, live.AccountInOrder) = Append(_accountTimelines, accountId, live.Time, roles);
        (live.PersonTimeline, live.PersonInOrder) = Append(_personTimelines, personId, live.Time, roles);
        foreach (var track in _tracks)
        {
            if (track.ReadsProperties(live))
            {
                // Read now, on one thread: the workers only look.
                _ = live.Values;
                break;
            }
        }
    }

    /// <summary>Journeys <paramref name="first"/>, <paramref name="first"/> + <paramref name="step"/>, … take in the prepared events.</summary>
    private void TrackBatch(int first, int step, int count)
    {
        for (var t = first; t < _tracks.Length; t += step)
        {
            var track = _tracks[t];
            var ids = Ids(track);
            for (var i = 0; i < count; i++)
            {
                track.Track(_batch[i], ids);
            }
        }
    }

    /// <summary>Every instance of every journey as it stands at <paramref name="at"/> (UTC), by journey, subject and number.</summary>
    public IReadOnlyList<JourneyInstance> Instances(DateTime at)
    {
        var atMs = TimeRange.ToMilliseconds(at.ToUniversalTime());
        var instances = new List<JourneyInstance>();
        foreach (var track in _tracks)
        {
            track.Collect(atMs, Ids(track), instances);
        }

        return instances;
    }

    /// <summary>The instances of one journey at <paramref name="at"/>, by subject and number.</summary>
    public IReadOnlyList<JourneyInstance> Instances(string mapId, DateTime at)
    {
        var atMs = TimeRange.ToMilliseconds(at.ToUniversalTime());
        var instances = new List<JourneyInstance>();
        foreach (var track in _tracks)
        {
            if (string.Equals(track.Journey.Map.Id, mapId, StringComparison.Ordinal))
            {
                track.Collect(atMs, Ids(track), instances);
            }
        }

        return instances;
    }

    /// <summary>Adds the event to the subject's timeline; says whether it went to the end.</summary>
    private static (SubjectTimeline? Timeline, bool InOrder) Append(List<SubjectTimeline> timelines, int id, long time, int roles)
    {
        if (id < 0)
        {
            return (null, true);
        }

        while (timelines.Count <= id)
        {
            timelines.Add(new SubjectTimeline());
        }

        var timeline = timelines[id];
        return (timeline, timeline.Add(time, roles) == timeline.Count - 1);
    }

    private Numbering Ids(JourneyTrack track) => track.Journey.Map.Subject == JourneySubject.Account ? _accounts : _people;

    /// <summary>What the tracker keeps of a person id: its number, and its latest account with their roles there.</summary>
    private sealed class Actor(int number)
    {
        public int Number { get; } = number;

        public string? Account { get; set; }

        public int AccountNumber { get; set; } = -1;

        public int Roles { get; set; }

        public int Directory { get; set; } = -1;
    }

    /// <summary>Numbers strings from 0 in first-seen order.</summary>
    internal sealed class Numbering
    {
        private readonly Dictionary<string, int> _numbers = new(StringComparer.Ordinal);
        private readonly List<string> _strings = [];

        public string this[int number] => _strings[number];

        /// <summary>The number of <paramref name="text"/>, given when new; -1 for null.</summary>
        public int Of(string? text)
        {
            if (text is null)
            {
                return -1;
            }

            if (!_numbers.TryGetValue(text, out var number))
            {
                number = _strings.Count;
                _numbers.Add(text, number);
                _strings.Add(text);
            }

            return number;
        }
    }
}
