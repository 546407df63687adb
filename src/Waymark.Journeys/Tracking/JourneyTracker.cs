using Waymark.Core.Journeys;
using Waymark.Core.Model;
using Waymark.Journeys.Compilation;
using Waymark.Journeys.Evaluation;
using Waymark.Journeys.Instances;

namespace Waymark.Journeys.Tracking;

/// <summary>
/// Evaluates journeys incrementally, event by event as events arrive, late ones included: an event
/// newer than everything its subject has is taken in at once; an older one (or one at the time of
/// the latest closed group) is put in its place and the subject's journey is replayed. Either way
/// the instances equal those of batch evaluation over the same events. Not thread-safe: one writer.
/// </summary>
public sealed class JourneyTracker
{
    private readonly JourneyTrack[] _tracks;
    private readonly LiveEvent _live;
    private readonly SubjectDirectory _directory;
    private readonly Numbering _accounts = new();
    private readonly Numbering _people = new();
    private readonly Numbering _names = new();
    private readonly List<SubjectTimeline> _accountTimelines = [];
    private readonly List<SubjectTimeline> _personTimelines = [];

    /// <summary>A tracker for <paramref name="journeys"/>, reading traits and roles from <paramref name="directory"/>.</summary>
    public JourneyTracker(IEnumerable<CompiledJourney> journeys, SubjectDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(journeys);
        ArgumentNullException.ThrowIfNull(directory);
        _directory = directory;
        _tracks = [.. journeys.Select(j => new JourneyTrack(j, directory))];
        _live = new LiveEvent([.. _tracks.SelectMany(t => t.Keys).Distinct(StringComparer.Ordinal)]);
    }

    /// <summary>How many events were tracked.</summary>
    public long Events { get; private set; }

    /// <summary>How many (journey, subject) pairs hold state: subjects in a journey's <c>applies_to</c> with events.</summary>
    public int TrackedSubjects => _tracks.Sum(t => t.Subjects);

    /// <summary>How many instances are open now.</summary>
    public int OpenInstances => _tracks.Sum(t => t.OpenInstances);

    /// <summary>Bytes held by the tracked subjects' event buffers (walker state not counted).</summary>
    public long BufferBytes => _tracks.Sum(t => t.BufferBytes);

    /// <summary>Takes one event in, for every journey it concerns.</summary>
    public void Track(Event e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var person = e.PersonId ?? e.AnonymousId;
        var roles = _directory.Roles(e.PersonId, e.AccountId);
        var accountId = _accounts.Of(e.AccountId);
        var personId = _people.Of(person);
        _live.Reset(e, accountId, personId, _names.Of(e.Name), roles);
        _live.AccountTimeline = Append(_accountTimelines, accountId, _live.Time, roles);
        _live.PersonTimeline = Append(_personTimelines, personId, _live.Time, roles);
        foreach (var track in _tracks)
        {
            track.Track(_live, Ids(track));
        }

        Events++;
    }

    /// <summary>Every instance of every journey as it stands at <paramref name="at"/> (UTC), by journey, subject and number.</summary>
    public IReadOnlyList<JourneyInstance> Instances(DateTime at)
    {
        var atMs = (long)(at.ToUniversalTime() - DateTime.UnixEpoch).TotalMilliseconds;
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
        var atMs = (long)(at.ToUniversalTime() - DateTime.UnixEpoch).TotalMilliseconds;
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

    /// <summary>Bytes held by the subjects' timelines (every event's time and roles, once per subject kind).</summary>
    public long TimelineBytes => _accountTimelines.Sum(t => t.Bytes) + _personTimelines.Sum(t => t.Bytes);

    private static SubjectTimeline? Append(List<SubjectTimeline> timelines, int id, long time, int roles)
    {
        if (id < 0)
        {
            return null;
        }

        while (timelines.Count <= id)
        {
            timelines.Add(new SubjectTimeline());
        }

        timelines[id].Add(time, roles);
        return timelines[id];
    }

    private Numbering Ids(JourneyTrack track) => track.Journey.Map.Subject == JourneySubject.Account ? _accounts : _people;

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
