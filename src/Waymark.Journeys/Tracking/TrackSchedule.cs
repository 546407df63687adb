namespace Waymark.Journeys.Tracking;

/// <summary>
/// Deals the tracker's journeys to its workers so that each worker's share takes about as long:
/// journeys differ a lot (one that counts telemetry in sliding windows may take as long as five
/// others). Worker 0 is the calling thread, which also prepares every batch, so its preparation
/// time counts as a head start. Every <see cref="Window"/> batches the journeys are dealt again,
/// longest first, each to the worker with the least time so far (longest processing time first),
/// by the times measured in the window just ended. Which worker runs a journey never changes its
/// results.
/// </summary>
internal sealed class TrackSchedule
{
    /// <summary>How many batches one dealing serves before the next.</summary>
    public const int Window = 32;

    private readonly long[] _took;
    private readonly long[] _overhead;
    private int[][] _shares;
    private int _batches;

    public TrackSchedule(int tracks, int workers)
    {
        _took = new long[tracks];
        _overhead = new long[workers];
        // Until times are known: round robin.
        _shares = [.. Enumerable.Range(0, workers).Select(w => Enumerable.Range(0, tracks).Where(t => t % workers == w).ToArray())];
    }

    /// <summary>How many workers the journeys are dealt to.</summary>
    public int Workers => _shares.Length;

    /// <summary>The journeys <paramref name="worker"/> runs in the current batch.</summary>
    public int[] Of(int worker) => _shares[worker];

    /// <summary>Journey <paramref name="track"/> took <paramref name="ticks"/> in the current batch; only its own worker calls this.</summary>
    public void Took(int track, long ticks) => _took[track] += ticks;

    /// <summary><paramref name="worker"/> spent <paramref name="ticks"/> on work of its own besides journeys (preparing a batch).</summary>
    public void Busy(int worker, long ticks) => _overhead[worker] += ticks;

    /// <summary>Called between batches, by the one writer: deals again at the end of a window.</summary>
    public void BatchDone()
    {
        if (++_batches % Window != 0)
        {
            return;
        }

        _shares = Deal(_took, _overhead);
        Array.Clear(_took);
        Array.Clear(_overhead);
    }

    /// <summary>
    /// Longest first, each to the worker with the least time so far, every worker starting from its
    /// <paramref name="overhead"/>; ties go to the lower worker and track.
    /// </summary>
    internal static int[][] Deal(long[] took, long[] overhead)
    {
        var order = Enumerable.Range(0, took.Length).OrderByDescending(t => took[t]).ThenBy(t => t).ToArray();
        var load = (long[])overhead.Clone();
        var shares = Enumerable.Range(0, overhead.Length).Select(_ => new List<int>()).ToArray();
        foreach (var t in order)
        {
            var least = 0;
            for (var w = 1; w < load.Length; w++)
            {
                least = load[w] < load[least] ? w : least;
            }

            shares[least].Add(t);
            load[least] += took[t];
        }

        return [.. shares.Select(s => s.ToArray())];
    }
}
