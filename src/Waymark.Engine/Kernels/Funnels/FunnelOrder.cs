namespace Waymark.Engine.Kernels.Funnels;

/// <summary>Whether the steps of a funnel must happen in their order.</summary>
public enum FunnelOrder
{
    /// <summary>Steps in their order, as ClickHouse's <c>windowFunnel</c> (see <see cref="FunnelModes"/>).</summary>
    Ordered,

    /// <summary>
    /// Steps in any order (PostHog's unordered funnel): a subject reaches level <c>k</c> when <c>k</c>
    /// distinct steps happen within one window that starts at a step event (<c>anchor ≤ t ≤ anchor +
    /// Window</c>). An event matching several steps completes all of them.
    /// </summary>
    AnyOrder,
}
