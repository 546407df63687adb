namespace Waymark.Engine.Kernels.Funnels;

/// <summary>Where a funnel breakdown takes each subject's value from.</summary>
public enum FunnelBreakdownSource
{
    /// <summary>A trait of the subject.</summary>
    Trait,

    /// <summary>
    /// A property of the first-step event of the chain that first reached the subject's deepest
    /// step (for a subject that reached only the first step: its first first-step event).
    /// </summary>
    FirstStepProperty,
}

/// <summary>Splits a funnel by one value per subject; every subject counts under exactly one value.</summary>
/// <param name="Source">Trait or first-step property.</param>
/// <param name="Key">The trait or property name.</param>
public sealed record FunnelBreakdown(FunnelBreakdownSource Source, string Key)
{
    /// <summary>By a trait of the subject.</summary>
    public static FunnelBreakdown ByTrait(string key) => new(FunnelBreakdownSource.Trait, key);

    /// <summary>By a property of the subject's first-step event.</summary>
    public static FunnelBreakdown ByFirstStepProperty(string key) => new(FunnelBreakdownSource.FirstStepProperty, key);
}
