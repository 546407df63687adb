namespace Waymark.Journeys.Evaluation;

/// <summary>
/// One subject's events as a journey sees them, in time order: per event its time (UTC ms), the
/// atoms it matches (name, filters and role all pass), the atoms whose event name it has (for
/// activity), and per distinct slot the code of the counted property's value (0 when absent). Batch evaluation fills one
/// per subject and reuses it; the tracker keeps one per subject and inserts late events in place.
/// </summary>
public sealed class SubjectEvents
{
    private readonly int _slots;
    private long[] _times = new long[16];
    private ulong[] _matches = new ulong[16];
    private ulong[] _named = new ulong[16];
    private int[] _distinct;

    /// <summary>An empty buffer for a journey with <paramref name="distinctSlots"/> distinct-value columns.</summary>
    public SubjectEvents(int distinctSlots)
    {
        _slots = distinctSlots;
        _distinct = new int[16 * distinctSlots];
    }

    /// <summary>How many events the buffer holds.</summary>
    public int Count { get; private set; }

    internal ReadOnlySpan<long> Times => _times.AsSpan(0, Count);

    internal ReadOnlySpan<ulong> Matches => _matches.AsSpan(0, Count);

    internal ReadOnlySpan<ulong> Named => _named.AsSpan(0, Count);


    internal int Distinct(int slot, int index) => _distinct[(index * _slots) + slot];

    /// <summary>Empties the buffer, keeping its arrays.</summary>
    public void Clear() => Count = 0;

    /// <summary>
    /// Adds an event after every event of an earlier or equal time (so arrival order breaks ties,
    /// which no answer depends on) and returns its position.
    /// </summary>
    public int Add(long time, ulong matches, ulong named, ReadOnlySpan<int> distinct)
    {
        if (Count == _times.Length)
        {
            Grow();
        }

        var at = Count;
        while (at > 0 && _times[at - 1] > time)
        {
            at--;
        }

        if (at < Count)
        {
            var tail = Count - at;
            Array.Copy(_times, at, _times, at + 1, tail);
            Array.Copy(_matches, at, _matches, at + 1, tail);
            Array.Copy(_named, at, _named, at + 1, tail);
            Array.Copy(_distinct, at * _slots, _distinct, (at + 1) * _slots, tail * _slots);
        }

        _times[at] = time;
        _matches[at] = matches;
        _named[at] = named;
        distinct.CopyTo(_distinct.AsSpan(at * _slots, _slots));
        Count++;
        return at;
    }

    private void Grow()
    {
        var size = _times.Length * 2;
        Array.Resize(ref _times, size);
        Array.Resize(ref _matches, size);
        Array.Resize(ref _named, size);
        Array.Resize(ref _distinct, size * _slots);
    }
}
