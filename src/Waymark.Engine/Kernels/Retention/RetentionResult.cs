using Waymark.Engine.Kernels.Periods;

namespace Waymark.Engine.Kernels.Retention;

/// <summary>
/// A retention triangle: one row per cohort period, from the first period in which anyone
/// entered a cohort to the last period the data reaches (the period of the latest event of any
/// subject inside the time range). Row <c>c</c> has a cell for period offset <c>k</c> only when
/// period <c>c + k</c> is one of those periods, so later cohorts have fewer cells.
/// </summary>
/// <param name="Unit">The period unit.</param>
/// <param name="WeekStart">The first day of a week (for weeks).</param>
/// <param name="Mode">First-time or recurring cohorts.</param>
/// <param name="Cohorts">The rows, oldest first, empty cohorts included.</param>
/// <param name="Overall">Per offset <c>k</c>, the cohorts that have a cell <c>k</c> added together.</param>
public sealed record RetentionResult(
    PeriodUnit Unit,
    DayOfWeek WeekStart,
    RetentionMode Mode,
    IReadOnlyList<RetentionCohort> Cohorts,
    IReadOnlyList<RetentionCell> Overall);

/// <summary>One cohort: the subjects that entered in one period, and their returns.</summary>
/// <param name="Start">The cohort period's start, UTC.</param>
/// <param name="Size">Subjects that entered the cohort in this period.</param>
/// <param name="Cells">Per offset <c>k</c> = 0, 1, …: how many of them did the return event during period <c>Start + k</c>.</param>
public sealed record RetentionCohort(DateTime Start, int Size, IReadOnlyList<RetentionCell> Cells);

/// <summary>One cell of the triangle.</summary>
/// <param name="Offset">Periods after the cohort's own (0 = the cohort period itself, any time in it, before or after the start event).</param>
/// <param name="Size">The subjects the share is of (the cohort size; for <see cref="RetentionResult.Overall"/>, the sizes of the cohorts that have this cell).</param>
/// <param name="Returned">How many of them did the return event in that period.</param>
public sealed record RetentionCell(int Offset, long Size, long Returned)
{
    /// <summary><see cref="Returned"/> / <see cref="Size"/>; 0 for an empty cohort.</summary>
    public double Share => Size == 0 ? 0 : (double)Returned / Size;
}
