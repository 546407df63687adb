using System.Text.Json;
using Waymark.Core.Model;
using Waymark.Engine.Properties;
using Waymark.Journeys.Compilation;
using Waymark.Journeys.Evaluation;
using Waymark.Journeys.Instances;

namespace Waymark.Journeys.Tracking;

/// <summary>One journey's share of the tracker: per subject its events as the journey sees them and a walker.</summary>
internal sealed class JourneyTrack
{
    private readonly SubjectDirectory _directory;
    private readonly Dictionary<string, ulong> _namedByName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Subject> _subjects = new(StringComparer.Ordinal);
    private readonly HashSet<string> _outside = new(StringComparer.Ordinal);
    private readonly ulong _anyName;
    private readonly ulong _filtered;
    private readonly ulong _roleBound;
    private readonly ulong _distinctAtoms;
    private readonly LivePropertyFilter[][] _filters;
    private readonly LivePropertyCodes[] _codes;
    private readonly string[] _keys;
    private readonly int[] _distinct;

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
    }

    public CompiledJourney Journey { get; }

    public int Subjects => _subjects.Count;

    public int OpenInstances => _subjects.Values.Count(s => s.Walker.HasOpenInstance);

    public long BufferBytes => _subjects.Values.Sum(s => s.Events.Bytes);

    public void Track(Event e, long time)
    {
        if (JourneyTracker.SubjectOf(e, Journey.Map.Subject) is not { } id || _outside.Contains(id))
        {
            return;
        }

        if (!_subjects.TryGetValue(id, out var subject))
        {
            if (!_directory.Contains(Journey.Map.AppliesTo, Journey.Map.Subject, id))
            {
                _outside.Add(id);
                return;
            }

            subject = new Subject(new SubjectEvents(_distinct.Length), new JourneyWalker(Journey));
            subject.Walker.Reset(subject.Events, applies: true);
            _subjects.Add(id, subject);
        }

        var named = Named(e.Name);
        var matches = Filter(e, named);
        var roles = _directory.Roles(e.PersonId, e.AccountId);
        matches = AtomNames.ApplyRoles(Journey, matches, _roleBound, roles);
        var walker = subject.Walker;
        var inOrder = time > walker.ClosedTime && (walker.PendingTime == ConditionNode.Never || time >= walker.PendingTime);
        subject.Events.Add(time, matches, named, roles, _distinct);
        if (!inOrder)
        {
            walker.Reset(subject.Events, applies: true);
        }

        walker.FeedAll();
    }

    public void Collect(long at, List<JourneyInstance> into)
    {
        foreach (var (id, subject) in _subjects.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            subject.Walker.Collect(id, at, into);
        }
    }

    private ulong Named(string name)
    {
        if (!_namedByName.TryGetValue(name, out var named))
        {
            _namedByName[name] = named = AtomNames.Named(Journey, name);
        }

        return named | _anyName;
    }

    /// <summary>Drops the atoms whose property filters fail, and fills the distinct codes.</summary>
    private ulong Filter(Event e, ulong named)
    {
        Array.Clear(_distinct);
        if ((named & (_filtered | _distinctAtoms)) == 0)
        {
            return named;
        }

        var values = Values(e.Properties);
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

    private Dictionary<string, string> Values(Properties properties)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        using var document = JsonDocument.Parse(properties.Json);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            return values;
        }

        foreach (var key in _keys)
        {
            if (document.RootElement.TryGetProperty(key, out var value))
            {
                values[key] = value.GetRawText();
            }
        }

        return values;
    }

    private sealed record Subject(SubjectEvents Events, JourneyWalker Walker);
}
