using Waymark.Journeys.Compilation;

namespace Waymark.Journeys.Evaluation;

/// <summary>
/// Counts one atom's matching events in a phase: how many, or how many distinct values, and with a
/// window only those in <c>[t − window, t]</c>. Keeps no more than the count needs: the latest
/// <c>count</c> times for a windowed count, the latest time per value for a windowed distinct count.
/// </summary>
internal sealed class AtomCounter(Atom atom)
{
    private readonly int _needed = atom.Match.MinCount;
    private readonly long _window = atom.WindowMs;
    private long[]? _ring;
    private int _ringNext;
    private int _count;
    private HashSet<int>? _values;
    private Dictionary<int, long>? _latestByValue;

    public Atom Atom { get; } = atom;

    public void Reset()
    {
        _count = 0;
        _ringNext = 0;
        _values?.Clear();
        _latestByValue?.Clear();
    }

    /// <summary>Counts one matching event; <paramref name="value"/> is its distinct-value code (0: it has none).</summary>
    public void Add(long time, int value)
    {
        if (Atom.DistinctSlot >= 0)
        {
            if (value == 0)
            {
                return;
            }

            if (_window > 0)
            {
                (_latestByValue ??= [])[value] = time;
            }
            else
            {
                (_values ??= []).Add(value);
            }

            return;
        }

        if (_window > 0)
        {
            _ring ??= new long[_needed];
            _ring[_ringNext] = time;
            _ringNext = (_ringNext + 1) % _needed;
        }

        _count++;
    }

    /// <summary>True when enough events (or values) are counted at <paramref name="time"/>, the latest counted time.</summary>
    public bool Holds(long time)
    {
        if (Atom.DistinctSlot >= 0)
        {
            if (_window == 0)
            {
                return _values is { } values && values.Count >= _needed;
            }

            if (_latestByValue is not { } latest || latest.Count < _needed)
            {
                return false;
            }

            var inWindow = 0;
            foreach (var seen in latest.Values)
            {
                if (seen >= time - _window && ++inWindow >= _needed)
                {
                    return true;
                }
            }

            return false;
        }

        if (_count < _needed)
        {
            return false;
        }

        // The oldest of the latest `needed` times sits where the ring writes next.
        return _window == 0 || _ring![_ringNext] >= time - _window;
    }
}
