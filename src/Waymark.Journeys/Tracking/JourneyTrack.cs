using Waymark.Engine.Properties;
using Waymark.Journeys.Compilation;
using Waymark.Journeys.Evaluation;
using Waymark.Journeys.Instances;

namespace Waymark.Journeys.Tracking;

/// <summary>One journey's share of the tracker: per subject its events as the journey sees them and a walker.</summary>
internal sealed class JourneyTrack
{
    private readonly SubjectDirectory _directory;
    private readonly List<ulong> _namedByName = [];
    private readonly List<bool> _namedKnown = [];
    private readonly List<Subject?> _subjects = [];
    private readonly List<bool> _seen = [];
    private int _tracked;
    private readonly ulong _anyName;
    private readonly ulong _filtered;
    private readonly ulong _roleBound;
    private readonly ulong _distinctAtoms;
    private readonly LivePropertyFilter[][] _filters;
    private readonly LivePropertyCodes[] _codes;
    private readonly string[] _keys;
    private readonly int[] _distinct;
    private readonly LivePropertyFilter[] _appliesTo;

    public JourneyTrack(CompiledJourney journey, SubjectDirectory directory)
    {
        Journey = journey;
        _directory = directory;
        _anyName = AtomNames.AnyName(journey);
        _filtered = AtomNames.Filtered(journey);
        _roleBound = AtomNames.RoleBound(journey);
        _distinctAtoms = journey.Atoms.Where(a => a.DistinctSlot >= 0).Aggregate(0UL, (m, a) => m | (1UL << a.Index));
        _filters = [.. journey.Atoms.Select(a => a.Match.Event.Where.Select(f => new LivePropertyFilter(f)).ToArray())];
        _codes = [.. journey.DistinctKeys.Select(_ => new LivePropertyCodes())];
        _keys = [.. journey.Atoms.SelectMany(a => a.Match.Event.Where.Select(f => f.Key)).Concat(journey.DistinctKeys).Distinct(StringComparer.Ordinal)];
        _distinct = new int[journey.DistinctKeys.Count];
        _appliesTo = SubjectDirectory.Filters(journey.Map.AppliesTo);
    }

    public CompiledJourney Journey { get; }

    public int Subjects => _tracked;

    /// <summary>True when this journey reads the properties of events named <paramref name="name"/>; changes nothing, so any thread may ask.</summary>
    public bool ReadsProperties(string name) => ((AtomNames.Named(Journey, name) | _anyName) & (_filtered | _distinctAtoms)) != 0;

    /// <summary>The properties this journey's conditions read.</summary>
    public IReadOnlyList<string> Keys => _keys;

    /// <summary>
    /// Takes one event in. An event no condition reads is already in the subject's timeline: it only
    /// needs a replay when it is older than what the subject's walker took in after an instance started.
    /// </summary>
    public void Track(LiveEvent live, Numbering ids)
    {
        var id = live.Subject(Journey.Map.Subject);
        if (id < 0)
        {
            return;
        }

        var time = live.Time;
        var named = Named(live);
        if (named == 0 && live.InOrder(Journey.Map.Subject))
        {
            // Newest of its subject and read by no condition: the timeline has it; catching up applies it.
            return;
        }

        var subject = id < _subjects.Count ? _subjects[id] : null;
        if (named == 0)
        {
            // Older than something taken in after a start: what inactivity saw may change.
            if (subject is { Walker: var idle } && idle.Started > 0 && time < idle.ProcessedTime)
            {
                Replay(subject);
            }

            return;
        }

        if (subject is null && !TryCreate(id, ids, live.Timeline(Journey.Map.Subject), out subject))
        {
            return;
        }

        var matches = AtomNames.ApplyRoles(Journey, Filter(live, named), _roleBound, live.Roles);
        var walker = subject.Walker;
        var inOrder = time > walker.ProcessedTime && (walker.PendingTime == ConditionNode.Never || time >= walker.PendingTime);
        subject.Events.Add(time, matches, named, _distinct);
        if (!inOrder)
        {
            Replay(subject);
            return;
        }

        walker.FeedAll();
    }

    private static void Replay(Subject subject)
    {
        subject.Walker.Reset(subject.Events, subject.Timeline, applies: true);
        subject.Walker.FeedAll();
    }

    /// <summary>Creates the subject's state on its first event the journey reads, unless it is outside <c>applies_to</c>.</summary>
    private bool TryCreate(int id, Numbering ids, SubjectTimeline timeline, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Subject? subject)
    {
        subject = null;
        while (_seen.Count <= id)
        {
            _seen.Add(false);
            _subjects.Add(null);
        }

        if (_seen[id])
        {
            return false;
        }

        _seen[id] = true;
        if (!_directory.Contains(_appliesTo, Journey.Map.Subject, ids[id]))
        {
            return false;
        }

        subject = new Subject(new SubjectEvents(_distinct.Length), new JourneyWalker(Journey), timeline);
        subject.Walker.Reset(subject.Events, timeline, applies: true);
        _subjects[id] = subject;
        _tracked++;
        return true;
    }

    public void Collect(long at, Numbering ids, List<JourneyInstance> into)
    {
        var order = Enumerable.Range(0, _subjects.Count).Where(i => _subjects[i] is not null).OrderBy(i => ids[i], StringComparer.Ordinal);
        foreach (var i in order)
        {
            _subjects[i]!.Walker.Collect(ids[i], at, into);
        }
    }

    private ulong Named(LiveEvent live)
    {
        var name = live.Name;
        while (_namedKnown.Count <= name)
        {
            _namedKnown.Add(false);
            _namedByName.Add(0);
        }

        if (!_namedKnown[name])
        {
            _namedKnown[name] = true;
            _namedByName[name] = AtomNames.Named(Journey, live.Event.Name);
        }

        return _namedByName[name] | _anyName;
    }

    /// <summary>Drops the atoms whose property filters fail, and fills the distinct codes.</summary>
    private ulong Filter(LiveEvent live, ulong named)
    {
        Array.Clear(_distinct);
        if ((named & (_filtered | _distinctAtoms)) == 0)
        {
            return named;
        }

        var values = live.Values;
        for (var f = named & _filtered; f != 0; f &= f - 1)
        {
            var atom = System.Numerics.BitOperations.TrailingZeroCount(f);
            foreach (var filter in _filters[atom])
            {
                if (!filter.Passes(values.GetValueOrDefault(filter.Filter.Key)))
                {
                    named &= ~(1UL << atom);
                    break;
                }
            }
        }

        for (var d = 0; d < _distinct.Length; d++)
        {
            _distinct[d] = _codes[d].Code(values.GetValueOrDefault(Journey.DistinctKeys[d]));
        }

        return named;
    }

    private sealed record Subject(SubjectEvents Events, JourneyWalker Walker, SubjectTimeline Timeline);
}
