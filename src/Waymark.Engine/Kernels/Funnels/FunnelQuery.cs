using System.Diagnostics.CodeAnalysis;
using Waymark.Core.Conditions;

namespace Waymark.Engine.Kernels.Funnels;

/// <summary>
/// What a funnel asks, shared by every variant of the algorithm (PostHog's "query context"):
/// the steps, the conversion window, ClickHouse's modes or any order, exclusions, breakdown and
/// what to report. Checked once by <see cref="Validate"/> when a kernel receives it.
/// </summary>
/// <param name="Steps">The steps, 1 to <see cref="MaxSteps"/>.</param>
/// <param name="Window">
/// The conversion window, measured from the chain's first-step event and inclusive: a step event at
/// time <c>t</c> counts when <c>t ≤ first + Window</c> (ClickHouse's rule). Whole milliseconds, zero allowed.
/// </param>
public sealed record FunnelQuery(IReadOnlyList<FunnelStep> Steps, TimeSpan Window)
{
    /// <summary>The most steps a funnel may have (one bit each in a 64-bit mask).</summary>
    public const int MaxSteps = 64;

    /// <summary>ClickHouse's <c>windowFunnel</c> options (ordered funnels only).</summary>
    public FunnelModes Modes { get; init; }

    /// <summary>In order (default) or in any order.</summary>
    public FunnelOrder Order { get; init; }

    /// <summary>Exclusion steps (ordered funnels only).</summary>
    public IReadOnlyList<FunnelExclusion> Exclusions { get; init; } = [];

    /// <summary>Splits the results by a trait or a first-step property; null for none.</summary>
    public FunnelBreakdown? Breakdown { get; init; }

    /// <summary>When true, each step lists the subjects who dropped off there.</summary>
    public bool IncludeDropOffs { get; init; }

    /// <summary>How many equal bins the time-to-convert histograms have (1 to 1000).</summary>
    public int HistogramBins { get; init; } = 10;

    /// <summary>An ordered funnel of steps given by event name, in ClickHouse's default mode.</summary>
    public static FunnelQuery Of(TimeSpan window, params string[] names) =>
        new(Array.ConvertAll(names, FunnelStep.Named), window);

    /// <summary>An ordered funnel of steps given by condition, in ClickHouse's default mode.</summary>
    public static FunnelQuery Of(TimeSpan window, params EventCondition[] conditions) =>
        new(Array.ConvertAll(conditions, c => new FunnelStep(c)), window);

    /// <summary>The window in milliseconds.</summary>
    public long WindowMs => (long)Window.TotalMilliseconds;

    /// <summary>Throws an <see cref="ArgumentException"/> that says what was expected when the query is not valid.</summary>
    public void Validate()
    {
        Require(Steps is not null, "steps must not be null");
        Require(Steps.Count is > 0 and <= MaxSteps, $"a funnel needs 1 to {MaxSteps} steps, got {Steps.Count}");
        Require(Window >= TimeSpan.Zero && Window.Ticks % TimeSpan.TicksPerMillisecond == 0, $"the window must be zero or more whole milliseconds, got {Window}");
        Require(HistogramBins is >= 1 and <= 1000, $"histogram bins must be 1 to 1000, got {HistogramBins}");
        Require(Exclusions is not null, "exclusions must not be null (use an empty list)");
        Require(!Modes.HasFlag(FunnelModes.AllowReentry) || Modes.HasFlag(FunnelModes.StrictOrder), "AllowReentry needs StrictOrder, as in ClickHouse");
        for (var i = 0; i < Steps.Count; i++)
        {
            var step = Steps[i];
            Require(step?.Condition is not null, $"step {i} has no condition");
            Require(!step!.Optional || (i > 0 && i < Steps.Count - 1), $"step {i}: only a step between the first and the last may be optional");
            Require(step.Within is not { } within || (within >= TimeSpan.Zero && within.Ticks % TimeSpan.TicksPerMillisecond == 0), $"step {i}: Within must be zero or more whole milliseconds");
            Require(step.Within is null || i > 0, "step 0: the first step cannot have a time limit from a previous step");
            Require(Order == FunnelOrder.Ordered || (!step.Optional && step.Within is null), $"step {i}: optional steps and per-step limits need an ordered funnel");
        }

        Require(Exclusions.Count <= MaxSteps, $"a funnel takes at most {MaxSteps} exclusions, got {Exclusions.Count}");
        foreach (var exclusion in Exclusions)
        {
            Require(exclusion?.Condition is not null, "an exclusion has no condition");
            Require(exclusion!.FromStep >= 0 && exclusion.FromStep < exclusion.ToStep && exclusion.ToStep < Steps.Count, $"an exclusion must lie between two steps: 0 ≤ FromStep < ToStep < {Steps.Count}, got {exclusion.FromStep}..{exclusion.ToStep}");
        }

        Require(Order == FunnelOrder.Ordered || (Modes == FunnelModes.None && Exclusions.Count == 0), "ClickHouse modes and exclusions need an ordered funnel");
        Require(Breakdown is null || !string.IsNullOrEmpty(Breakdown.Key), "a breakdown needs a trait or property key");
    }

    private static void Require([DoesNotReturnIf(false)] bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException($"Invalid funnel query: {message}.");
        }
    }
}
