namespace Waymark.Journeys.Evaluation;

/// <summary>
/// Every event time of one subject, in order, with the roles of the person who did each: what
/// journeys need of the events their conditions do not read (inactivity, the buying group). One
/// timeline serves every journey of the subject; batch evaluation views the snapshot's arrays, the
/// tracker keeps its own and inserts late events in place.
/// </summary>
public sealed class SubjectTimeline
{
    private long[] _times;
    private int[] _roles;
    private int[]? _bitsByCode;
    private int _start;

    /// <summary>An empty timeline the tracker fills with <see cref="Add"/>.</summary>
    public SubjectTimeline()
    {
        _times = new long[8];
        _roles = new int[8];
    }

    /// <summary>How many events it holds.</summary>
    public int Count { get; private set; }

    internal long Time(int index) => _times[_start + index];

    internal int Roles(int index)
    {
        var i = _start + index;
        if (i >= _roles.Length)
        {
            return 0;
        }

        var value = _roles[i];
        return _bitsByCode is null ? value : value < _bitsByCode.Length ? _bitsByCode[value] : 0;
    }

    /// <summary>
    /// Views <paramref name="count"/> events of a snapshot's arrays from <paramref name="start"/>: times, and role
    /// codes (empty when not loaded) turned into role bits by <paramref name="bitsByCode"/>.
    /// </summary>
    internal void View(long[] times, int[] roleCodes, int[] bitsByCode, int start, int count)
    {
        _times = times;
        _roles = roleCodes;
        _bitsByCode = bitsByCode;
        _start = start;
        Count = count;
    }

    /// <summary>Adds an event after every event of an earlier or equal time; returns its position.</summary>
    public int Add(long time, int roles)
    {
        if (Count == _times.Length)
        {
            Array.Resize(ref _times, Count * 2);
            Array.Resize(ref _roles, Count * 2);
        }

        var at = Count;
        while (at > 0 && _times[at - 1] > time)
        {
            at--;
        }

        if (at < Count)
        {
            Array.Copy(_times, at, _times, at + 1, Count - at);
            Array.Copy(_roles, at, _roles, at + 1, Count - at);
        }

        _times[at] = time;
        _roles[at] = roles;
        Count++;
        return at;
    }
}
