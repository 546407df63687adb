namespace Waymark.Engine.Kernels.Frequency;

/// <summary>The time between repeats of an event.</summary>
/// <param name="Subjects">Subjects of the cohort with the event at least once in the time range.</param>
/// <param name="Repeating">Of those, subjects with the event at least twice.</param>
/// <param name="Gaps">Every gap between a subject's consecutive events (a subject with n events gives n − 1 gaps; equal times give a gap of 0).</param>
/// <param name="FirstRepeat">Per repeating subject, the gap between its first and second event (time to repurchase).</param>
public sealed record RepeatResult(long Subjects, long Repeating, GapStatistics Gaps, GapStatistics FirstRepeat);

/// <summary>
/// A distribution of gaps in milliseconds. Percentiles are nearest-rank (SQL's
/// <c>percentile_disc</c>): the smallest gap at or below which at least that share of gaps lie;
/// null when there are no gaps.
/// </summary>
/// <param name="Count">How many gaps.</param>
/// <param name="MedianMs">The 50th percentile.</param>
/// <param name="P75Ms">The 75th percentile.</param>
/// <param name="P90Ms">The 90th percentile.</param>
/// <param name="MeanMs">The mean; null when there are no gaps.</param>
/// <param name="Histogram">Gaps per bucket of the query's bounds.</param>
public sealed record GapStatistics(long Count, long? MedianMs, long? P75Ms, long? P90Ms, double? MeanMs, IReadOnlyList<GapBucket> Histogram);

/// <summary>One histogram bucket: gaps from <see cref="FromMs"/> (included) to <see cref="ToMs"/> (excluded; null for no upper end).</summary>
/// <param name="FromMs">The lower bound, milliseconds, included.</param>
/// <param name="ToMs">The upper bound, milliseconds, excluded; null for the last bucket.</param>
/// <param name="Count">Gaps in the bucket.</param>
public sealed record GapBucket(long FromMs, long? ToMs, long Count);
