using Waymark.Core.Conditions;

namespace Waymark.Engine.Kernels.Funnels;

/// <summary>
/// An exclusion step (as in PostHog): events that, happening after the chain did step
/// <see cref="FromStep"/> and before it does step <see cref="ToStep"/>, break the chain: it can no
/// longer reach <see cref="ToStep"/>. Only events within the conversion window of the chain's first
/// step count (<c>t ≤ first + Window</c>). A subject whose kept chain for its deepest step is
/// broken this way is left out of the funnel entirely (counted in
/// <see cref="FunnelResult.Excluded"/>, at no step). An exclusion event at the same millisecond as
/// a step event counts as after it.
/// </summary>
/// <param name="Condition">Which events exclude.</param>
/// <param name="FromStep">Index (from 0) of the step after which the exclusion applies.</param>
/// <param name="ToStep">Index (from 0) of the step before which it applies; greater than <paramref name="FromStep"/>.</param>
public sealed record FunnelExclusion(EventCondition Condition, int FromStep, int ToStep);
