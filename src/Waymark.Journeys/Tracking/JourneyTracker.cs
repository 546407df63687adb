using Waymark.Core.Journeys;
using Waymark.Core.Model;
using Waymark.Journeys.Compilation;
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

    /// <summary>A tracker for <paramref name="journeys"/>, reading traits and roles from <paramref name="directory"/>.</summary>
    public JourneyTracker(IEnumerable<CompiledJourney> journeys, SubjectDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(journeys);
        ArgumentNullException.ThrowIfNull(directory);
        _tracks = [.. journeys.Select(j => new JourneyTrack(j, directory))];
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
        var time = (long)(e.Timestamp - DateTime.UnixEpoch).TotalMilliseconds;
        foreach (var track in _tracks)
        {
            track.Track(e, time);
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
            track.Collect(atMs, instances);
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
                track.Collect(atMs, instances);
            }
        }

        return instances;
    }

    internal static string? SubjectOf(Event e, JourneySubject kind) =>
        kind == JourneySubject.Account ? e.AccountId : e.PersonId ?? e.AnonymousId;
}
