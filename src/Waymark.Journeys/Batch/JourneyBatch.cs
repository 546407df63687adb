using Waymark.Core.Journeys;
using Waymark.Engine.Filters;
using Waymark.Engine.Properties;
using Waymark.Engine.Snapshot;
using Waymark.Journeys.Compilation;
using Waymark.Journeys.Evaluation;
using Waymark.Journeys.Instances;

namespace Waymark.Journeys.Batch;

/// <summary>
/// Evaluates journeys over history on the engine's snapshot: every subject's events up to the
/// evaluation time, one partition per worker. Gives the instances the tracker gives for the same events.
/// </summary>
public static class JourneyBatch
{
    /// <summary>
    /// The instances of <paramref name="journey"/> at <paramref name="at"/> (UTC), ordered by subject
    /// and number. Only events at or before <paramref name="at"/> count. The snapshot's subjects must be
    /// of the map's kind (accounts or people); throws <see cref="ArgumentException"/> when they are not.
    /// </summary>
    public static IReadOnlyList<JourneyInstance> Evaluate(EventLog log, CompiledJourney journey, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(journey);
        var wanted = journey.Map.Subject == JourneySubject.Account ? SubjectKind.Account : SubjectKind.Person;
        if (log.SubjectKind != wanted)
        {
            throw new ArgumentException($"journey '{journey.Map.Id}' follows {JourneyNames.Of(journey.Map.Subject)}s; the snapshot's subjects are {log.SubjectKind}s", nameof(log));
        }

        var plan = new Plan(log, journey);
        var atMs = TimeRange.ToMilliseconds(at.ToUniversalTime());
        var results = new List<JourneyInstance>[log.Partitions.Count];
        Parallel.For(0, log.Partitions.Count, p => results[p] = plan.Run(p, atMs));
        var all = new JourneyInstance[results.Sum(r => r.Count)];
        var at0 = 0;
        foreach (var part in results)
        {
            part.CopyTo(all, at0);
            at0 += part.Count;
        }

        return all;
    }

    // Cohorts compiled once per snapshot: a mask is a flag per subject, and re-making it per query
    // allocates large arrays that make the collector sweep the whole heap.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<EventLog, System.Collections.Concurrent.ConcurrentDictionary<string, SubjectMask>> Masks = [];

    private static SubjectMask MaskOf(EventLog log, Core.Conditions.Cohort cohort) =>
        cohort.IsEveryone ? SubjectMask.Everyone
            : Masks.GetOrCreateValue(log).GetOrAdd(cohort.ToString(), _ => SubjectMask.Compile(log, cohort));

    /// <summary>What one query compiles once: per name code its atoms, the filters, columns and roles.</summary>
    private sealed class Plan
    {
        private readonly EventLog _log;
        private readonly CompiledJourney _journey;
        private readonly SubjectMask _applies;
        private readonly ulong[] _namedByCode;
        private readonly ulong _anyName;
        private readonly ulong _filtered;
        private readonly ulong _roleBound;
        private readonly ulong _startAtoms;
        private readonly EventMatcher[] _matchers;
        private readonly PropertyColumn[] _distinct;
        private readonly PropertyColumn? _roles;
        private readonly int[] _roleBitsByCode = [];

        public Plan(EventLog log, CompiledJourney journey)
        {
            _log = log;
            _journey = journey;
            _applies = MaskOf(log, journey.Map.AppliesTo);
            _namedByCode = new ulong[log.Names.Count];
            for (var code = 0; code < _namedByCode.Length; code++)
            {
                _namedByCode[code] = log.Names[code] is { } name ? AtomNames.Named(journey, name) : 0;
            }

            _anyName = AtomNames.AnyName(journey);
            _filtered = AtomNames.Filtered(journey);
            _roleBound = AtomNames.RoleBound(journey);
            _startAtoms = journey.Start.Atoms;
            _matchers = [.. journey.Atoms.Select(a => EventMatcher.Compile(log, a.Match.Event))];
            _distinct = [.. journey.DistinctKeys.Select(log.Property)];
            var needsRoles = _roleBound != 0 || journey.Map.BuyingGroup is not null;
            if (needsRoles)
            {
                _roles = log.ActorRoles();
                _roleBitsByCode = new int[_roles.Values.Count];
                for (var code = 1; code < _roleBitsByCode.Length; code++)
                {
                    _roleBitsByCode[code] = AtomNames.RoleBits(_roles.Values.Json(code));
                }
            }
        }

        public List<JourneyInstance> Run(int p, long at)
        {
            var partition = _log.Partitions[p];
            var offsets = partition.Offsets;
            var times = partition.Times;
            var names = partition.Names;
            var roleCodes = _roles is null ? [] : _roles.CodesByPartition[p];
            var distinct = new int[_distinct.Length];
            var events = new SubjectEvents(_distinct.Length);
            var timeline = new SubjectTimeline();
            var walker = new JourneyWalker(_journey);
            var instances = new List<JourneyInstance>();
            for (var s = 0; s < partition.SubjectCount; s++)
            {
                var subject = partition.FirstSubject + s;
                int from = offsets[s], to = offsets[s + 1];
                if (from == to || !_applies.Contains(subject) || !HasStartName(names[from..to]))
                {
                    continue;
                }

                var end = from;
                while (end < to && times[end] <= at)
                {
                    end++;
                }

                // Every event up to `at` is in the timeline; the buffer keeps those a condition reads.
                timeline.View(partition.TimeArray, roleCodes, _roleBitsByCode, from, end - from);
                events.Clear();
                for (var i = from; i < end; i++)
                {
                    var named = _namedByCode[names[i]] | _anyName;
                    if (named == 0)
                    {
                        // Read by no condition: the timeline carries its time (and its person's roles).
                        continue;
                    }

                    var matches = named;
                    for (var f = matches & _filtered; f != 0; f &= f - 1)
                    {
                        var atom = System.Numerics.BitOperations.TrailingZeroCount(f);
                        if (!_matchers[atom].FiltersPass(p, i))
                        {
                            matches &= ~(1UL << atom);
                        }
                    }

                    matches = AtomNames.ApplyRoles(_journey, matches, _roleBound, timeline.Roles(i - from));
                    for (var d = 0; d < distinct.Length; d++)
                    {
                        var codes = _distinct[d].Codes(p);
                        distinct[d] = i < codes.Length ? codes[i] : 0;
                    }

                    events.Add(times[i], matches, named, distinct);
                }

                walker.Reset(events, timeline, applies: true);
                walker.FeedAll();
                walker.Collect(_log.Subjects[subject] ?? subject.ToString(System.Globalization.CultureInfo.InvariantCulture), at, instances);
            }

            return instances;
        }

        private bool HasStartName(ReadOnlySpan<int> names)
        {
            if ((_anyName & _startAtoms) != 0)
            {
                return true;
            }

            foreach (var name in names)
            {
                if ((_namedByCode[name] & _startAtoms) != 0)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
