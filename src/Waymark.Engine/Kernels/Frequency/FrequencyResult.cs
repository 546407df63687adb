using Waymark.Engine.Kernels.Periods;

namespace Waymark.Engine.Kernels.Frequency;

/// <summary>
/// Events per subject per period. <see cref="Periods"/> runs from the period of the earliest to the
/// period of the latest event of any subject inside the time range, periods without the event included.
/// </summary>
/// <param name="Unit">The period unit.</param>
/// <param name="WeekStart">The first day of a week (for weeks).</param>
/// <param name="MaxCount">The last bucket's count (it also holds every larger count).</param>
/// <param name="Periods">One distribution per period, oldest first.</param>
/// <param name="Overall">All periods together: each (subject, period) pair with the event counts once.</param>
public sealed record FrequencyResult(
    PeriodUnit Unit,
    DayOfWeek WeekStart,
    int MaxCount,
    IReadOnlyList<FrequencyPeriod> Periods,
    FrequencyDistribution Overall);

/// <summary>One period's distribution.</summary>
/// <param name="Start">The period's start, UTC.</param>
/// <param name="Distribution">How many subjects did the event how many times in the period.</param>
public sealed record FrequencyPeriod(DateTime Start, FrequencyDistribution Distribution);

/// <summary>How many subjects did an event how many times.</summary>
/// <param name="Subjects">Subjects with the event at least once (for <see cref="FrequencyResult.Overall"/>, (subject, period) pairs).</param>
/// <param name="Events">Events counted.</param>
/// <param name="SubjectsByCount">Entry <c>i</c>: subjects with exactly <c>i + 1</c> events; the last entry: <c>MaxCount</c> or more.</param>
public sealed record FrequencyDistribution(long Subjects, long Events, IReadOnlyList<long> SubjectsByCount);
