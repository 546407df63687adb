using Waymark.Engine.Kernels.Retention;

namespace Waymark.Twins;

/// <summary>
/// Turns a twin's retention counts, keyed by period numbers (<see cref="TwinSql.PeriodNumber"/>),
/// into the engine's <see cref="RetentionResult"/> shape: cohorts from the first non-empty one to
/// the last period the data reaches, cells up to that period.
/// </summary>
public static class RetentionTable
{
    /// <summary>Builds the triangle from cohort sizes, return counts per (cohort, offset), and the last period number.</summary>
    public static RetentionResult Build(RetentionQuery query, IReadOnlyDictionary<long, long> sizes,
        IReadOnlyDictionary<(long Cohort, int Offset), long> returned, long lastPeriod)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(sizes);
        ArgumentNullException.ThrowIfNull(returned);
        var cohorts = new List<RetentionCohort>();
        var width = query.Periods + 1;
        var overallSize = new long[width];
        var overallReturned = new long[width];
        var first = sizes.Where(s => s.Value > 0).Select(s => s.Key).DefaultIfEmpty(long.MaxValue).Min();
        for (var c = first; c <= lastPeriod; c++)
        {
            var size = sizes.GetValueOrDefault(c);
            var cells = new List<RetentionCell>();
            for (var k = 0; k < width && c + k <= lastPeriod; k++)
            {
                var back = returned.GetValueOrDefault((c, k));
                cells.Add(new RetentionCell(k, size, back));
                overallSize[k] += size;
                overallReturned[k] += back;
            }

            cohorts.Add(new RetentionCohort(TwinSql.PeriodStart(query.Unit, query.WeekStart, c), (int)size, cells));
        }

        var overall = Enumerable.Range(0, Math.Min(width, cohorts.Count))
            .Select(k => new RetentionCell(k, overallSize[k], overallReturned[k])).ToList();
        return new RetentionResult(query.Unit, query.WeekStart, query.Mode, cohorts, overall);
    }
}
