using Waymark.Engine.Execution;
using Waymark.Engine.Filters;
using Waymark.Engine.Snapshot;

namespace Waymark.Engine.Kernels.Funnels;

/// <summary>
/// The funnel kernel: how many subjects of a scope go through ordered (or any-order) steps within
/// a conversion window, with ClickHouse's <c>windowFunnel</c> modes, exclusions, optional steps,
/// per-step limits and breakdowns. The variants of the algorithm (<see cref="OrderedFunnel"/>,
/// <see cref="UnorderedFunnel"/>) share the <see cref="FunnelQuery"/>; docs/kernels/funnel.md
/// states every rule.
/// </summary>
public static class Funnel
{
    /// <summary>
    /// Runs a funnel over the subjects of <paramref name="scope"/>'s cohort, reading only events
    /// inside its time range (as a SQL <c>WHERE</c> would).
    /// </summary>
    /// <exception cref="ArgumentException">The query is not valid; the message says what was expected.</exception>
    public static FunnelResult Run(EventLog log, FunnelQuery query, QueryScope scope) =>
        Run(log, query, scope, FunnelStrategy.Indexed);

    /// <summary>
    /// Each subject's level, as ClickHouse's <c>windowFunnel</c> returns it: how many steps it got
    /// through (its deepest step's index + 1), −1 for a subject left out by an exclusion. Subjects of
    /// the scope at level 0 are not listed.
    /// </summary>
    public static IReadOnlyDictionary<string, int> Levels(EventLog log, FunnelQuery query, QueryScope scope) =>
        Levels(log, query, scope, FunnelStrategy.Indexed);

    internal static FunnelResult Run(EventLog log, FunnelQuery query, QueryScope scope, FunnelStrategy strategy)
    {
        var (scan, values) = Prepare(log, query, scope, strategy, null);
        return FunnelSummary.Build(log, query, values, scan.Run(log));
    }

    internal static IReadOnlyDictionary<string, int> Levels(EventLog log, FunnelQuery query, QueryScope scope, FunnelStrategy strategy)
    {
        var levels = new int[log.SubjectCount];
        var (scan, _) = Prepare(log, query with { IncludeDropOffs = false }, scope, strategy, levels);
        scan.Run(log);
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var s = 0; s < levels.Length; s++)
        {
            if (levels[s] != 0)
            {
                result[log.Subjects[s]!] = levels[s];
            }
        }

        return result;
    }

    private static (FunnelScan Scan, BreakdownValues Values) Prepare(EventLog log, FunnelQuery query, QueryScope scope, FunnelStrategy strategy, int[]? levels)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(scope);
        query.Validate();
        var compiled = new CompiledFunnel(log, query);
        var values = BreakdownValues.For(log, query.Breakdown);
        var cohort = SubjectMask.Compile(log, scope.Cohort);
        return (new FunnelScan(compiled, cohort, scope.Range, strategy, values, levels), values);
    }
}
