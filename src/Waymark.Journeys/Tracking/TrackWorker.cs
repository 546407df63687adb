namespace Waymark.Journeys.Tracking;

/// <summary>
/// The tracker's second worker: one thread of its own that takes one piece of work at a time. A
/// thread-pool item took 0.3–0.6 ms to start on a busy machine, as long as a batch's share itself,
/// and so did waking a sleeping thread; so each side spins up to 2 ms before it sleeps. The thread
/// ends after <see cref="IdleMilliseconds"/> without work (so a tracker that is dropped leaves no
/// thread behind), to be started again by the next piece of work.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "ManualResetEventSlim waits on a monitor and holds no handle unless WaitHandle is read; the thread ends by itself when idle.")]
internal sealed class TrackWorker
{
    /// <summary>How long the thread waits for work before it ends.</summary>
    public const int IdleMilliseconds = 1000;

    /// <summary>How long a wait spins before it sleeps: about a batch's share, since waking a sleeping thread may take as long.</summary>
    private static readonly long SpinTicks = System.Diagnostics.Stopwatch.Frequency / 500;

    private readonly Lock _gate = new();
    private readonly ManualResetEventSlim _go = new(false, spinCount: 0);
    private readonly ManualResetEventSlim _done = new(true, spinCount: 0);
    private Action? _work;
    private Exception? _error;
    private Thread? _thread;

    /// <summary>True while the worker's thread lives (it ends when idle).</summary>
    internal bool Running
    {
        get
        {
            lock (_gate)
            {
                return _thread is not null;
            }
        }
    }

    /// <summary>Starts <paramref name="work"/> on the worker; the previous piece must have been waited for.</summary>
    public void Start(Action work)
    {
        System.Diagnostics.Debug.Assert(_done.IsSet, "the previous piece of work is still running");
        lock (_gate)
        {
            _work = work;
            _error = null;
            _done.Reset();
            _go.Set();
            if (_thread is null)
            {
                _thread = new Thread(Loop) { IsBackground = true, Name = "Waymark journey tracker" };
                _thread.Start();
            }
        }
    }

    /// <summary>Waits until the piece of work started last is done; rethrows what it threw.</summary>
    public void Wait()
    {
        SpinThenWait(_done, Timeout.Infinite);
        if (_error is { } error)
        {
            _error = null;
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(error);
        }
    }

    /// <summary>Spins up to <see cref="SpinTicks"/> for <paramref name="signal"/>, then sleeps up to <paramref name="milliseconds"/>.</summary>
    private static bool SpinThenWait(ManualResetEventSlim signal, int milliseconds)
    {
        var until = System.Diagnostics.Stopwatch.GetTimestamp() + SpinTicks;
        var spinner = default(SpinWait);
        while (!signal.IsSet && System.Diagnostics.Stopwatch.GetTimestamp() < until)
        {
            // Never Sleep(1): a millisecond is longer than the wait this spin is for.
            spinner.SpinOnce(sleep1Threshold: -1);
        }

        return signal.IsSet || signal.Wait(milliseconds);
    }

    private void Loop()
    {
        while (true)
        {
            if (!SpinThenWait(_go, IdleMilliseconds))
            {
                lock (_gate)
                {
                    // Work may have come in just now: it was set under the lock, so it is seen here.
                    if (!_go.IsSet)
                    {
                        _thread = null;
                        return;
                    }
                }
            }

            _go.Reset();
            try
            {
                _work!();
            }
            catch (Exception e)
            {
                _error = e;
            }
            finally
            {
                _work = null;
                _done.Set();
            }
        }
    }
}
