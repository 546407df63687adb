namespace Waymark.Engine.Kernels.Funnels;

/// <summary>
/// The options of ClickHouse's <c>windowFunnel</c>, which an ordered funnel reproduces exactly
/// (see docs/kernels/funnel.md). They combine; <see cref="None"/> is ClickHouse's default.
/// </summary>
[Flags]
public enum FunnelModes
{
    /// <summary>ClickHouse's default: other events may come between steps, and repeats are allowed.</summary>
    None = 0,

    /// <summary>
    /// <c>strict_deduplication</c>: when an event completes a step (other than the first) that the
    /// subject has already reached, evaluation stops at the level reached so far.
    /// </summary>
    StrictDeduplication = 1,

    /// <summary>
    /// <c>strict_order</c>: once a first step happened, an event that completes no step, or a step
    /// whose previous step is not reached, stops evaluation at the level reached so far.
    /// </summary>
    StrictOrder = 2,

    /// <summary><c>strict_increase</c>: a step counts only when its time is strictly later than the previous step's.</summary>
    StrictIncrease = 4,

    /// <summary>
    /// <c>allow_reentry</c> (with <see cref="StrictOrder"/> only): an event completing a step whose
    /// previous step is not reached is ignored instead of stopping evaluation.
    /// </summary>
    AllowReentry = 8,
}
