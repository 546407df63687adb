using Waymark.Journeys.Tracking;

namespace Waymark.Journeys.Tests.Tracking;

public sealed class TrackWorkerTests
{
    [Fact]
    public void Start_RunsTheWorkOnAThreadOfItsOwn_AndWaitReturnsOnceItIsDone()
    {
        var worker = new TrackWorker();
        var caller = Environment.CurrentManagedThreadId;
        var ran = new List<int>();
        for (var i = 0; i < 100; i++)
        {
            var piece = i;
            worker.Start(() =>
            {
                Thread.SpinWait(1000);
                lock (ran)
                {
                    ran.Add(Environment.CurrentManagedThreadId == caller ? -1 : piece);
                }
            });
            worker.Wait();
            Assert.Equal(piece + 1, ran.Count);
        }

        Assert.Equal(Enumerable.Range(0, 100), ran);
    }

    [Fact]
    public void Wait_RethrowsWhatTheWorkThrew_AndTheWorkerGoesOn()
    {
        var worker = new TrackWorker();
        worker.Start(() => throw new InvalidOperationException("journey 3 failed"));

        var error = Assert.Throws<InvalidOperationException>(worker.Wait);
        Assert.Equal("journey 3 failed", error.Message);

        var after = false;
        worker.Start(() => after = true);
        worker.Wait();
        Assert.True(after);
    }

    [Fact]
    public void IdleWorker_EndsItsThread_AndTheNextWorkStartsAnother()
    {
        var worker = new TrackWorker();
        worker.Start(() => { });
        worker.Wait();
        Assert.True(SpinWait.SpinUntil(() => !worker.Running, TimeSpan.FromSeconds(30)), "the idle thread did not end");

        var ran = false;
        worker.Start(() => ran = true);
        worker.Wait();
        Assert.True(ran);
        Assert.True(worker.Running);
    }
}
