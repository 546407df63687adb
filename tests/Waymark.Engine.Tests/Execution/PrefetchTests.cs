using Waymark.Engine.Execution;

namespace Waymark.Engine.Tests.Execution;

public sealed class PrefetchTests
{
    [Fact]
    public void IndexIn_ASliceOfTheList_IsWhereTheSliceStarts()
    {
        int[] positions = [3, 8, 13, 21, 34];
        ReadOnlySpan<int> all = positions;

        Assert.Equal(2, Prefetch.IndexIn(all, all[2..4]));
        Assert.Equal(0, Prefetch.IndexIn(all, all[..1]));
    }

    [Fact]
    public void Time_AskedBeyondTheLastPosition_AsksForTheLastAndLeavesTheTimesAlone()
    {
        long[] times = [10, 20, 30, 40];
        int[] positions = [1, 3];

        Prefetch.Time(times, positions, 1_000);
        Prefetch.Time(times, [], 0);

        Assert.Equal([10L, 20, 30, 40], times);
    }
}
