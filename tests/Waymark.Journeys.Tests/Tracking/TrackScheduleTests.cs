using Waymark.Journeys.Tracking;

namespace Waymark.Journeys.Tests.Tracking;

public sealed class TrackScheduleTests
{
    [Fact]
    public void Deal_LongestFirstToTheLeastLoaded_CountingEachWorkersHeadStart()
    {
        // Journey 2 costs as much as the rest together; worker 0 (the caller) spends 4 preparing.
        var shares = TrackSchedule.Deal([3, 1, 8, 2, 2], [4, 0]);

        // Loads (worker 0, worker 1) from (4, 0): 8 → 1 (4, 8); 3 → 0 (7, 8); 2 → 0 (9, 8); 2 → 1 (9, 10); 1 → 0 (10, 10).
        Assert.Equal([0, 3, 1], shares[0]);
        Assert.Equal([2, 4], shares[1]);
    }

    [Fact]
    public void Deal_WithoutTimes_GivesEveryJourneyToSomeWorkerOnce()
    {
        var shares = TrackSchedule.Deal(new long[7], new long[2]);

        Assert.Equal(Enumerable.Range(0, 7), shares.SelectMany(s => s).Order());
    }

    [Fact]
    public void BatchDone_DealsAgainOnlyAtTheEndOfAWindow()
    {
        var schedule = new TrackSchedule(tracks: 3, workers: 2);
        Assert.Equal([0, 2], schedule.Of(0));

        schedule.Took(1, 100);
        schedule.Busy(0, 10);
        for (var b = 1; b < TrackSchedule.Window; b++)
        {
            schedule.BatchDone();
            Assert.Equal([0, 2], schedule.Of(0));
        }

        schedule.BatchDone();
        // Journey 1 took longest: it goes to worker 1, which had no head start; the others to worker 0.
        Assert.Equal([1], schedule.Of(1));
        Assert.Equal([0, 2], schedule.Of(0));
    }
}
