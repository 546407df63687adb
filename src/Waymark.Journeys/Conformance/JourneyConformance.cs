using Waymark.Core.Journeys;
using Waymark.Journeys.Instances;

namespace Waymark.Journeys.Conformance;

/// <summary>
/// How actual journeys conform to a map's design, over a set of its instances: each instance's
/// fitness, the share that follow the designed order, the deviations, where customers leave, and
/// each milestone's actual time beside its expected time. Definitions are in docs/journey-maps.md
/// ("Conformance"); in short, over the required milestones, an instance's deviations are those
/// reached out of order and those skipped (not reached while a milestone designed after them was).
/// </summary>
public static class JourneyConformance
{
    /// <summary>Measures <paramref name="instances"/> (all of <paramref name="map"/>) against the map's design.</summary>
    public static ConformanceReport Measure(JourneyMap map, IReadOnlyList<JourneyInstance> instances)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(instances);
        var design = new Design(map);
        var fits = instances.Select(i => design.Fit(i)).ToList();
        var milestones = map.Milestones.Select((m, index) => MilestoneFacts(map, design, instances, fits, index)).ToList();
        var left = instances.Where(i => i.Status == JourneyStatus.Abandoned)
            .Select(design.WaitingFor).GroupBy(id => id ?? "")
            .Select(g => new LeavingPoint(g.Key.Length == 0 ? null : g.Key, g.Count()))
            .OrderByDescending(l => l.Instances).ThenBy(l => l.MilestoneId, StringComparer.Ordinal).ToList();
        return new ConformanceReport(
            map.Id,
            instances.Count,
            instances.Count == 0 ? 0 : fits.Average(f => f.Fitness),
            instances.Count == 0 ? 0 : instances.Where((i, n) => fits[n].Fitness == 1 && i.DeviatedAt is null).Count() / (double)instances.Count,
            instances.Count(i => i.DeviatedAt is not null),
            instances.Count(i => Repeats(i) > 0),
            milestones,
            left,
            [.. instances.Select((i, n) => new InstanceFitness(i.Subject, i.Number, fits[n].Fitness, fits[n].OutOfOrder, fits[n].Skipped, Repeats(i)))]);
    }

    private static int Repeats(JourneyInstance instance)
    {
        var repeats = 0;
        foreach (var m in instance.Milestones)
        {
            repeats += m.Repeats;
        }

        return repeats;
    }

    private static MilestoneConformance MilestoneFacts(JourneyMap map, Design design, IReadOnlyList<JourneyInstance> instances, List<Fit> fits, int index)
    {
        var milestone = map.Milestones[index];
        var times = new List<long>();
        int onTime = 0, withDue = 0;
        foreach (var instance in instances)
        {
            var progress = instance.Milestones[index];
            if (progress.ReachedAt is not { } reached || design.Reference(instance, index) is not { } from)
            {
                continue;
            }

            times.Add((long)(reached - from).TotalMilliseconds);
            if (progress.DueAt is { } due)
            {
                withDue++;
                onTime += reached <= due ? 1 : 0;
            }
        }

        times.Sort();
        var expected = milestone.ExpectedWithin ?? milestone.ExpectedAfter;
        return new MilestoneConformance(
            milestone.Id,
            milestone.Name,
            instances.Count(i => i.Milestones[index].ReachedAt is not null),
            fits.Count(f => f.OutOfOrderIds.Contains(milestone.Id)),
            fits.Count(f => f.SkippedIds.Contains(milestone.Id)),
            instances.Count(i => i.Milestones[index].Repeats > 0),
            times.Count == 0 ? null : TimeSpan.FromMilliseconds(NearestRank(times, 0.5)),
            times.Count == 0 ? null : TimeSpan.FromMilliseconds(NearestRank(times, 0.9)),
            expected,
            milestone.ExpectedAfter is null ? "start" : string.Join(", ", milestone.After),
            withDue == 0 ? null : onTime / (double)withDue);
    }

    /// <summary>The nearest-rank quantile of sorted values, as the engine's kernels compute it.</summary>
    private static long NearestRank(List<long> sorted, double q) => sorted[Math.Max(0, (int)Math.Ceiling(q * sorted.Count) - 1)];

    /// <summary>The designed order: per milestone, every milestone designed after it, directly or not.</summary>
    private sealed class Design
    {
        private readonly JourneyMap _map;
        private readonly Dictionary<string, int> _index;
        private readonly List<int>[] _later;
        private readonly int[] _required;

        public Design(JourneyMap map)
        {
            _map = map;
            _index = map.Milestones.Select((m, i) => (m.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
            _required = [.. Enumerable.Range(0, map.Milestones.Count).Where(m => !map.Milestones[m].Optional)];
            _later = [.. map.Milestones.Select(_ => new List<int>())];
            for (var m = 0; m < map.Milestones.Count; m++)
            {
                foreach (var earlier in Ancestors(m))
                {
                    _later[earlier].Add(m);
                }
            }
        }

        public Fit Fit(JourneyInstance instance)
        {
            var outOfOrder = new List<string>();
            var skipped = new List<string>();
            foreach (var m in _required)
            {
                var progress = instance.Milestones[m];
                if (progress.ReachedAt is not null)
                {
                    if (progress.OutOfOrder)
                    {
                        outOfOrder.Add(progress.Id);
                    }
                }
                else if (_later[m].Any(l => instance.Milestones[l].ReachedAt is not null))
                {
                    skipped.Add(progress.Id);
                }
            }

            var fitness = _required.Length == 0 ? 1 : 1 - ((outOfOrder.Count + skipped.Count) / (double)_required.Length);
            return new Fit(fitness, outOfOrder.Count, skipped.Count, outOfOrder, skipped);
        }

        /// <summary>The first required milestone, in map order, not reached with its after milestones reached: what an abandoned instance waited for.</summary>
        public string? WaitingFor(JourneyInstance instance) => _required
            .Where(m => instance.Milestones[m].ReachedAt is null && _map.Milestones[m].After.All(a => instance.Milestones[IndexOf(a)].ReachedAt is not null))
            .Select(m => _map.Milestones[m].Id).FirstOrDefault();

        /// <summary>Where a milestone's time counts from: the start, or (with <c>expected_after</c>) the latest reach of its after milestones.</summary>
        public DateTime? Reference(JourneyInstance instance, int m)
        {
            var milestone = _map.Milestones[m];
            if (milestone.ExpectedAfter is null || milestone.After.Count == 0)
            {
                return instance.Start;
            }

            DateTime? latest = null;
            foreach (var a in milestone.After)
            {
                if (instance.Milestones[IndexOf(a)].ReachedAt is not { } reached)
                {
                    return null;
                }

                latest = latest is null || reached > latest ? reached : latest;
            }

            return latest;
        }

        private IEnumerable<int> Ancestors(int m)
        {
            var seen = new HashSet<int>();
            var pending = new Stack<int>(_map.Milestones[m].After.Select(IndexOf));
            while (pending.Count > 0)
            {
                var a = pending.Pop();
                if (seen.Add(a))
                {
                    yield return a;
                    foreach (var b in _map.Milestones[a].After)
                    {
                        pending.Push(IndexOf(b));
                    }
                }
            }
        }

        private int IndexOf(string id) => _index[id];
    }

    private sealed record Fit(double Fitness, int OutOfOrder, int Skipped, List<string> OutOfOrderIds, List<string> SkippedIds);
}
