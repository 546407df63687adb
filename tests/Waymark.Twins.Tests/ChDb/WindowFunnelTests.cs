using Waymark.Twins.ChDb;

namespace Waymark.Twins.Tests.ChDb;

/// <summary>
/// ClickHouse's windowFunnel on a few journeys whose levels are worked out by hand from its
/// documented definition: the level is the longest prefix a→b→c of the conditions met in
/// order, each step at most <c>window</c> after the event that met the first condition
/// (<c>first ≤ next ≤ first + window</c>); 'strict_order' stops at an event meeting no condition.
/// </summary>
[Collection(ChDbCollection.Name)]
public sealed class WindowFunnelTests
{
    private const long Second = 1000;

    [Fact]
    public void WindowFunnel_OfHandWorkedJourneys_GivesTheirLevels()
    {
        using var session = ChDbSession.Open();
        FunnelEvents.Create(session, "DateTime('UTC')",
            (1, 0, "a"), (1, 600 * Second, "b"), (1, 1200 * Second, "c"),                          // all three within the hour
            (2, 0, "a"), (2, 600 * Second, "b"), (2, 900 * Second, "d"), (2, 1200 * Second, "c"),  // d, no step, between b and c
            (3, 0, "a"), (3, 1800 * Second, "b"), (3, 3601 * Second, "c"),                         // c one second past the window
            (4, 0, "a"), (4, 100 * Second, "b"), (4, 3600 * Second, "c"),                          // c exactly at the window's end
            (5, 0, "a"), (5, 3000 * Second, "a"), (5, 3500 * Second, "b"), (5, 6500 * Second, "c"), // only the later a reaches c
            (6, 0, "b"), (6, 10 * Second, "c"));                                                   // never starts

        var plain = FunnelEvents.PerSubject(session, "windowFunnel(3600)(ts, name = 'a', name = 'b', name = 'c')");
        var strictOrder = FunnelEvents.PerSubject(session, "windowFunnel(3600, 'strict_order')(ts, name = 'a', name = 'b', name = 'c')");

        Assert.Equal(new Dictionary<uint, long> { [1] = 3, [2] = 3, [3] = 2, [4] = 3, [5] = 3, [6] = 0 }, plain);
        Assert.Equal(new Dictionary<uint, long> { [1] = 3, [2] = 2, [3] = 2, [4] = 3, [5] = 3, [6] = 0 }, strictOrder);
    }

    [Fact]
    public void StrictOrder_StepOutOfOrder_StopsTheChain()
    {
        // Not in the documentation, seen in 26.7.3: under 'strict_order' a step met out of turn
        // (c before b) stops the search like an event meeting no condition; without it, c is skipped.
        using var session = ChDbSession.Open();
        FunnelEvents.Create(session, "DateTime('UTC')", (7, 0, "a"), (7, 100 * Second, "c"), (7, 200 * Second, "b"));

        Assert.Equal(2, session.Scalar("SELECT windowFunnel(3600)(ts, name = 'a', name = 'b', name = 'c') FROM e"));
        Assert.Equal(1, session.Scalar("SELECT windowFunnel(3600, 'strict_order')(ts, name = 'a', name = 'b', name = 'c') FROM e"));
    }
}
