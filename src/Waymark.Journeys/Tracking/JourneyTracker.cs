using System.Diagnostics;
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
/// prepared on the caller's thread (subjects and names numbered, roles found, properties read)
/// while a second worker still takes its share of the previous batch in; once it is done, the two
/// workers (the caller's thread being one) put the batch's events into the accounts' and the
/// people's timelines side by side, then each takes its own journeys through the batch in event order. Journeys
/// are dealt to the workers by the time each took lately, the caller's share smaller by the time it
/// spends preparing, so that neither waits long for the other. Not thread-safe: one writer.
/// </summary>
public sealed class JourneyTracker
{
    private readonly JourneyTrack[] _tracks;
    private readonly List<LiveEvent>[] _buffers = [[], []];
    private readonly List<bool?> _readsProperties = [];
    private readonly string[] _keys;
    private readonly SubjectDirectory _directory;
    private readonly Numbering _accounts = new();
    private readonly Numbering _people = new();
    private readonly Numbering _names = new();
    private readonly List<SubjectTimeline> _accountTimelines = [];
    private readonly List<SubjectTimeline> _personTimelines = [];
    private readonly Dictionary<string, Actor> _actors = new(StringComparer.Ordinal);
    private readonly TrackSchedule _schedule;
    private readonly TrackWorker _worker = new();
    private bool _inFlight;
    private int _timelinesDone;
    private int _next;
    private int _pending;
    private long _tracked;

    /// <summary>A tracker for <paramref name="journeys"/>, reading traits and roles from <paramref name="directory"/>.</summary>
    public JourneyTracker(IEnumerable<CompiledJourney> journeys, SubjectDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(journeys);
        ArgumentNullException.ThrowIfNull(directory);
        _directory = directory;
        _tracks = [.. journeys.Select(j => new JourneyTrack(j, directory))];
        _keys = [.. _tracks.SelectMany(t => t.Keys).Distinct(StringComparer.Ordinal)];
        _schedule = new TrackSchedule(_tracks.Length, workers: 2);
    }

    /// <summary>How many events were tracked.</summary>
    public long Events
    {
        get
        {
            Flush();
            return _tracked;
        }
    }

    /// <summary>How many (journey, subject) pairs hold state: subjects in a journey's <c>applies_to</c> with events.</summary>
    public int TrackedSubjects
    {
        get
        {
            Flush();
            return _tracks.Sum(t => t.Subjects);
        }
    }

    /// <summary>Takes one event in, for every journey it concerns.</summary>
    public void Track(Event e)
    {
        ArgumentNullException.ThrowIfNull(e);
        Track([e]);
    }

    /// <summary>
    /// Takes events in, in the order given, for every journey they concern. A batch of 64 events or more
    /// may still be with the journeys when this returns: the next batch is prepared meanwhile. Reading
    /// the tracker (<see cref="Instances(DateTime)"/>, <see cref="Events"/>, …) or <see cref="Flush"/>
    /// waits for it; an exception from the journeys surfaces there or at the next call.
    /// </summary>
    public void Track(IReadOnlyList<Event> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var started = Stopwatch.GetTimestamp();
        var batch = _buffers[_next];
        while (batch.Count < events.Count)
        {
            batch.Add(new LiveEvent(_keys));
        }

        // While the other worker takes its share of the previous batch in, this one is prepared: it touches nothing journeys read.
        for (var i = 0; i < events.Count; i++)
        {
            Prepare(events[i], batch[i]);
        }

        var prepared = Stopwatch.GetTimestamp();
        Flush();
        _pending = events.Count;
        _next ^= 1;
        var count = events.Count;
        if (count < 64 || _tracks.Length == 1)
        {
            AddToTimelines(batch, count, account: true);
            AddToTimelines(batch, count, account: false);
            for (var t = 0; t < _tracks.Length; t++)
            {
                TrackBatch(batch, t, count);
            }

            Completed();
            return;
        }

        // This thread is worker 0: its share is smaller by the time it spends preparing. The two
        // workers extend the accounts' and the people's timelines side by side (each a cache miss or
        // more an event), and neither takes the batch in before both are done.
        _schedule.Busy(0, prepared - started);
        _timelinesDone = 0;
        var queued = Stopwatch.GetTimestamp();
        _inFlight = true;
        _worker.Start(() =>
        {
            // Waking the worker takes time too (more on a busy machine): it counts against its share.
            _schedule.Busy(1, Stopwatch.GetTimestamp() - queued);
            ExtendThenWork(batch, count, worker: 1);
        });
        ExtendThenWork(batch, count, worker: 0);
    }

    /// <summary>Worker 0 extends the accounts' timelines, worker 1 the people's; once both are done, each takes its share in.</summary>
    private void ExtendThenWork(List<LiveEvent> batch, int count, int worker)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            AddToTimelines(batch, count, account: worker == 0);
        }
        finally
        {
            // Even after a failure, so that the other worker does not wait for ever.
            Interlocked.Increment(ref _timelinesDone);
        }

        _schedule.Busy(worker, Stopwatch.GetTimestamp() - start);
        var spinner = default(SpinWait);
        while (Volatile.Read(ref _timelinesDone) < 2)
        {
            spinner.SpinOnce(sleep1Threshold: -1);
        }

        Work(batch, worker, count);
    }

    /// <summary>Waits until the journeys have taken in every batch given; rethrows what went wrong there.</summary>
    public void Flush()
    {
        if (!_inFlight)
        {
            return;
        }

        _inFlight = false;
        try
        {
            _worker.Wait();
        }
        finally
        {
            _schedule.BatchDone();
            Completed();
        }
    }

    private void Completed()
    {
        _tracked += _pending;
        _pending = 0;
    }

    private void Work(List<LiveEvent> batch, int worker, int count)
    {
        foreach (var t in _schedule.Of(worker))
        {
            var start = Stopwatch.GetTimestamp();
            TrackBatch(batch, t, count);
            _schedule.Took(t, Stopwatch.GetTimestamp() - start);
        }
    }

    /// <summary>Numbers the event's subjects and name, finds the person's roles and reads the properties journeys read.</summary>
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

        var name = _names.Of(e.Name);
        live.Reset(e, accountId, personId, name, roles);
        if (ReadsProperties(name, e.Name))
        {
            // Read now: the workers only look.
            _ = live.Values;
        }
    }

    /// <summary>True when a journey reads properties of events named <paramref name="text"/> (number <paramref name="name"/>).</summary>
    private bool ReadsProperties(int name, string text)
    {
        while (_readsProperties.Count <= name)
        {
            _readsProperties.Add(null);
        }

        return _readsProperties[name] ??= _tracks.Any(t => t.ReadsProperties(text));
    }

    /// <summary>Adds the batch's events to their accounts' (or people's) timelines, which the journeys read: only while none is at work.</summary>
    private void AddToTimelines(List<LiveEvent> batch, int count, bool account)
    {
        for (var i = 0; i < count; i++)
        {
            var live = batch[i];
            if (account)
            {
                (live.AccountTimeline, live.AccountInOrder) = Append(_accountTimelines, live.Account, live.Time, live.Roles);
            }
            else
            {
                (live.PersonTimeline, live.PersonInOrder) = Append(_personTimelines, live.Person, live.Time, live.Roles);
            }
        }
    }

    /// <summary>Journey <paramref name="t"/> takes in the prepared events.</summary>
    private void TrackBatch(List<LiveEvent> batch, int t, int count)
    {
        var track = _tracks[t];
        var ids = Ids(track);
        for (var i = 0; i < count; i++)
        {
            track.Track(batch[i], ids);
        }
    }

    /// <summary>Every instance of every journey as it stands at <paramref name="at"/> (UTC), by journey, subject and number.</summary>
    public IReadOnlyList<JourneyInstance> Instances(DateTime at)
    {
        Flush();
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
        Flush();
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
}
