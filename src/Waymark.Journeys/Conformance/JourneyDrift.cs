using System.Globalization;
using Waymark.Core.Journeys;
using Waymark.Journeys.Instances;

namespace Waymark.Journeys.Conformance;

/// <summary>
/// How a journey changed between two periods: the instances that started in each, compared on
/// completion, conformance, each milestone's reach share and median time, and the top variants (the
/// order milestones were reached in); the changes sorted biggest first, so the first says what
/// changed most.
/// </summary>
public static class JourneyDrift
{
    /// <summary>How many variants each period lists.</summary>
    public const int TopVariants = 5;

    /// <summary>Compares the instances of <paramref name="map"/> that started in period A with those that started in period B.</summary>
    public static DriftReport Compare(JourneyMap map, IReadOnlyList<JourneyInstance> a, IReadOnlyList<JourneyInstance> b)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var first = Period(map, a);
        var second = Period(map, b);
        var changes = new List<DriftChange>();
        Share(changes, "completed", "share of instances completed", first.CompletedShare, second.CompletedShare);
        Share(changes, "following-design", "share following the designed order", first.Conformance.FollowingDesign, second.Conformance.FollowingDesign);
        Share(changes, "repeating", "share going back to a milestone already reached", RepeatingShare(first), RepeatingShare(second));
        for (var m = 0; m < map.Milestones.Count; m++)
        {
            var name = map.Milestones[m].Name;
            Share(changes, $"reached:{map.Milestones[m].Id}", $"share reaching '{name}'", first.ReachedShare[m], second.ReachedShare[m]);
            if (first.Conformance.Milestones[m].MedianTime is { } before && second.Conformance.Milestones[m].MedianTime is { } after)
            {
                var score = Math.Abs(after.TotalMilliseconds - before.TotalMilliseconds) / Math.Max(Math.Max(after.TotalMilliseconds, before.TotalMilliseconds), 1);
                changes.Add(new DriftChange($"median-time:{map.Milestones[m].Id}", score,
                    $"median time to '{name}' went from {Words(before)} to {Words(after)}"));
            }
        }

        foreach (var variant in first.Variants.Select(v => v.Milestones).Union(second.Variants.Select(v => v.Milestones)))
        {
            Share(changes, $"variant:{variant}", $"share taking the path {variant}", ShareOf(first, variant), ShareOf(second, variant));
        }

        // Stable: equal changes keep the order above (completion, conformance, milestones, variants).
        return new DriftReport(map.Id, first, second, [.. changes.OrderByDescending(c => c.Score)]);
    }

    private static double RepeatingShare(DriftPeriod period) => period.Conformance.Repeating / (double)Math.Max(period.Instances, 1);

    private static DriftPeriod Period(JourneyMap map, IReadOnlyList<JourneyInstance> instances)
    {
        var count = Math.Max(instances.Count, 1);
        var variants = instances.GroupBy(Variant).Select(g => new DriftVariant(g.Key, g.Count(), g.Count() / (double)count))
            .OrderByDescending(v => v.Instances).ThenBy(v => v.Milestones, StringComparer.Ordinal).ToList();
        return new DriftPeriod(
            instances.Count,
            instances.Count(i => i.Status == JourneyStatus.Completed) / (double)count,
            [.. Enumerable.Range(0, map.Milestones.Count).Select(m => instances.Count(i => i.Milestones[m].ReachedAt is not null) / (double)count)],
            JourneyConformance.Measure(map, instances) with { Fitness = [] },
            [.. variants.Take(TopVariants)],
            variants);
    }

    /// <summary>The milestones an instance reached, in the order reached (map order on ties): "first-report → team-in", or "(none)".</summary>
    public static string Variant(JourneyInstance instance)
    {
        var reached = instance.Milestones.Select((m, i) => (m, i)).Where(x => x.m.ReachedAt is not null)
            .OrderBy(x => x.m.ReachedAt).ThenBy(x => x.i).Select(x => x.m.Id).ToList();
        return reached.Count == 0 ? "(none)" : string.Join(" → ", reached);
    }

    private static double ShareOf(DriftPeriod period, string variant) =>
        period.AllVariants.FirstOrDefault(v => v.Milestones == variant)?.Share ?? 0;

    private static void Share(List<DriftChange> changes, string key, string what, double before, double after) =>
        changes.Add(new DriftChange(key, Math.Abs(after - before),
            $"{what} went from {Percent(before)} to {Percent(after)}"));

    private static string Percent(double share) => (share * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    private static string Words(TimeSpan span) => span.TotalDays >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalDays:0.#} days")
        : string.Create(CultureInfo.InvariantCulture, $"{span.TotalHours:0.#} hours");
}

/// <summary>Two periods of a journey compared.</summary>
/// <param name="MapId">The map.</param>
/// <param name="A">The earlier period (or the first given).</param>
/// <param name="B">The later period.</param>
/// <param name="Changes">Every compared measure, biggest change first: <c>Changes[0]</c> is what changed most.</param>
public sealed record DriftReport(string MapId, DriftPeriod A, DriftPeriod B, IReadOnlyList<DriftChange> Changes);

/// <summary>One period's instances, measured.</summary>
/// <param name="Instances">Instances that started in the period.</param>
/// <param name="CompletedShare">The share completed.</param>
/// <param name="ReachedShare">Per milestone, in map order, the share that reached it.</param>
/// <param name="Conformance">Their conformance (without the per-instance list).</param>
/// <param name="Variants">The <see cref="JourneyDrift.TopVariants"/> commonest orders of reached milestones.</param>
/// <param name="AllVariants">Every order seen, commonest first.</param>
public sealed record DriftPeriod(int Instances, double CompletedShare, IReadOnlyList<double> ReachedShare, ConformanceReport Conformance,
    IReadOnlyList<DriftVariant> Variants, IReadOnlyList<DriftVariant> AllVariants);

/// <summary>An order of reached milestones and how common it was.</summary>
/// <param name="Milestones">The milestone ids in reach order, joined by " → ".</param>
/// <param name="Instances">How many instances.</param>
/// <param name="Share">Their share of the period's instances.</param>
public sealed record DriftVariant(string Milestones, int Instances, double Share);

/// <summary>One measure's change between the periods.</summary>
/// <param name="Key">What was measured (<c>completed</c>, <c>median-time:ID</c>, <c>reached:ID</c>, <c>variant:…</c>).</param>
/// <param name="Score">The size of the change, 0 to 1: a share's difference, or a time's difference over the larger time.</param>
/// <param name="Text">The change in words.</param>
public sealed record DriftChange(string Key, double Score, string Text);
