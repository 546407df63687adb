using System.Globalization;
using Waymark.Engine.Snapshot;
using Waymark.Journeys.Compilation;

namespace Waymark.Journeys.Evaluation;

/// <summary>Times, spans and conditions in words, for statuses and firings.</summary>
internal static class Reasons
{
    /// <summary>A UTC time: the date alone at midnight, else date and minute.</summary>
    public static string Date(long ms)
    {
        var time = TimeRange.ToDateTime(ms);
        return time.TimeOfDay == TimeSpan.Zero
            ? time.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : time.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
    }

    /// <summary>A span in whole days, hours or minutes (rounded down), such as "6 days".</summary>
    public static string Span(long ms) =>
        ms >= Day ? Count(ms / Day, " day") : ms >= Hour ? Count(ms / Hour, " hour") : ms >= Minute ? Count(ms / Minute, " minute") : Count(ms / 1000, " second");

    private const long Minute = 60_000;
    private const long Hour = 60 * Minute;
    private const long Day = 24 * Hour;

    private static string Count(long n, string unit) =>
        string.Concat(n.ToString(CultureInfo.InvariantCulture), unit, n == 1 ? "" : "s");

    /// <summary>Says which part of a condition holds: the leaf or the inactivity that made it true first.</summary>
    public static string Explain(CompiledJourney journey, ConditionNode node, PhaseState phase) => node switch
    {
        ConditionNode.Leaf leaf => journey.Atoms[leaf.Atom].Match.ToString(),
        ConditionNode.Inactive inactive => $"no activity for {Span(inactive.Duration)} after {Date(phase.InactiveFirst[inactive.Slot] - inactive.Duration)}",
        ConditionNode.Any any => Explain(journey, EarliestChild(any, phase), phase),
        ConditionNode.All all => string.Join(" and ", all.Children.Select(c => Explain(journey, c, phase))),
        _ => node.ToString() ?? string.Empty,
    };

    /// <summary>Says the deviation that dates an off-track condition: its latest match.</summary>
    public static string ExplainLatest(CompiledJourney journey, ConditionNode node, PhaseState phase) => node switch
    {
        ConditionNode.Inactive inactive => $"no activity for {Span(inactive.Duration)} after {Date(phase.InactiveLatest[inactive.Slot] - inactive.Duration)}",
        ConditionNode.Any any => ExplainLatest(journey, any.Children.MaxBy(c => c.LatestMatch(phase))!, phase),
        _ => Explain(journey, node, phase),
    };

    private static ConditionNode EarliestChild(ConditionNode.Any any, PhaseState phase)
    {
        var best = any.Children[0];
        foreach (var child in any.Children)
        {
            var time = child.FirstTrue(phase);
            if (time != ConditionNode.Never && (best.FirstTrue(phase) == ConditionNode.Never || time < best.FirstTrue(phase)))
            {
                best = child;
            }
        }

        return best;
    }
}
