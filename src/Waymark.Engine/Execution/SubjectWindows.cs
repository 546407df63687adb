using System.Runtime.CompilerServices;
using Waymark.Engine.Filters;
using Waymark.Engine.Snapshot;

namespace Waymark.Engine.Execution;

/// <summary>
/// Per partition, per event name code, the local subjects (ascending) that have events of that
/// name and, per such subject, the positions of those events (ascending, so in time order): what
/// lets a kernel about a few names read exactly their events, subject by subject, without
/// scanning the others. Built on first use in two passes over the partition's names (4 bytes an
/// event and 8 per distinct subject and name) and kept as long as the partition lives;
/// partitions are immutable and survive the appends that do not touch them.
/// </summary>
internal sealed class SubjectWindows
{
    private static readonly ConditionalWeakTable<EventLogPartition, SubjectWindows> Cache = [];

    private readonly EventLogPartition _partition;
    private readonly int[] _starts; // per name, its first entry; one more for the end
    private readonly int[] _subjects; // per entry, its local subject
    private readonly int[] _eventStarts; // per entry, its first position in _positions; one more for the end
    private readonly int[] _positions;
    private readonly Lazy<NameEvents> _every;

    private SubjectWindows(EventLogPartition partition, int[] starts, int[] subjects, int[] eventStarts, int[] positions)
    {
        _partition = partition;
        _starts = starts;
        _subjects = subjects;
        _eventStarts = eventStarts;
        _positions = positions;
        _every = new Lazy<NameEvents>(Every);
    }

    /// <summary>The index of a partition, built once.</summary>
    public static SubjectWindows Of(EventLogPartition partition) => Cache.GetValue(partition, Build);

    /// <summary>
    /// The events of a name code, by subject; <see cref="EventMatcher.AnyName"/> gives every event
    /// of every subject, and a code the partition does not hold (<see cref="EventMatcher.NoName"/>
    /// among them) gives none.
    /// </summary>
    public NameEvents For(int name)
    {
        if (name == EventMatcher.AnyName)
        {
            return _every.Value;
        }

        return (uint)name < (uint)(_starts.Length - 1)
            ? new NameEvents(_subjects, _eventStarts, _positions, _starts[name], _starts[name + 1])
            : default;
    }

    /// <summary>
    /// Each local subject of <paramref name="cohort"/> with events of <paramref name="name"/> inside
    /// <paramref name="range"/>, in subject order, with those events' positions (ascending).
    /// </summary>
    public SubjectEventsEnumerator Walk(int name, SubjectMask cohort, TimeRange range) =>
        new(For(name), cohort, range, _partition.FirstSubject, _partition.TimeArray);

    /// <summary>The local subjects having an event named <paramref name="name"/>, ascending.</summary>
    public ReadOnlySpan<int> Subjects(int name) => For(name).Subjects;

    /// <summary>The part of <paramref name="positions"/> (ascending) whose times lie inside <paramref name="range"/>, by binary search.</summary>
    public static ReadOnlySpan<int> InRange(ReadOnlySpan<int> positions, long[] times, TimeRange range) =>
        range.IsAll ? positions : positions[LowerBound(positions, times, range.From)..LowerBound(positions, times, range.To)];

    /// <summary>The first index of <paramref name="positions"/> whose time is at least <paramref name="time"/> (the length when none is).</summary>
    public static int LowerBound(ReadOnlySpan<int> positions, long[] times, long time)
    {
        int low = 0, high = positions.Length;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (times[positions[mid]] < time)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    /// <summary>
    /// The same index as <see cref="LowerBound"/>, searched from the front by doubling steps: it
    /// costs about twice the logarithm of the answer, so a kernel skipping a few events at a time
    /// (the rest of a period, say) reads one or two times where a binary search reads a dozen.
    /// </summary>
    public static int Gallop(ReadOnlySpan<int> positions, long[] times, long time)
    {
        var step = 1;
        while (step <= positions.Length && times[positions[step - 1]] < time)
        {
            step <<= 1;
        }

        // The answer lies in [step / 2, min(step, length)]: index step / 2 - 1 is below the time.
        var low = step >> 1;
        return low + LowerBound(positions[low..Math.Min(step, positions.Length)], times, time);
    }

    // Every event as its own name's list would be: each local subject an entry, positions 0, 1, 2, …
    private NameEvents Every()
    {
        var count = _partition.SubjectCount;
        var subjects = new int[count];
        for (var s = 0; s < count; s++)
        {
            subjects[s] = s;
        }

        var positions = new int[_partition.EventCount];
        for (var i = 0; i < positions.Length; i++)
        {
            positions[i] = i;
        }

        return new NameEvents(subjects, _partition.OffsetArray, positions, 0, count);
    }

    private static SubjectWindows Build(EventLogPartition partition)
    {
        var names = partition.NameArray;
        var offsets = partition.OffsetArray;
        var nameCount = 0;
        foreach (var name in names)
        {
            nameCount = Math.Max(nameCount, name + 1);
        }

        // Pass 1: per name, its events and its distinct subjects.
        var last = new int[nameCount];
        Array.Fill(last, -1);
        var starts = new int[nameCount + 1];
        var firstPosition = new int[nameCount + 1];
        for (var s = 0; s < partition.SubjectCount; s++)
        {
            for (var i = offsets[s]; i < offsets[s + 1]; i++)
            {
                var name = names[i];
                firstPosition[name + 1]++;
                if (last[name] != s)
                {
                    last[name] = s;
                    starts[name + 1]++;
                }
            }
        }

        for (var n = 0; n < nameCount; n++)
        {
            starts[n + 1] += starts[n];
            firstPosition[n + 1] += firstPosition[n];
        }

        // Pass 2: entries and positions laid out by name, then subject, then position.
        var subjects = new int[starts[nameCount]];
        var eventStarts = new int[subjects.Length + 1];
        var positions = new int[names.Length];
        var entry = starts[..nameCount];
        var at = firstPosition[..nameCount];
        Array.Fill(last, -1);
        for (var s = 0; s < partition.SubjectCount; s++)
        {
            for (var i = offsets[s]; i < offsets[s + 1]; i++)
            {
                var name = names[i];
                if (last[name] != s)
                {
                    last[name] = s;
                    subjects[entry[name]] = s;
                    eventStarts[entry[name]++] = at[name];
                }

                positions[at[name]++] = i;
            }
        }

        eventStarts[subjects.Length] = positions.Length;
        return new SubjectWindows(partition, starts, subjects, eventStarts, positions);
    }
}

/// <summary>
/// The events of one name in one partition (see <see cref="SubjectWindows"/>): entries in subject
/// order, each a local subject and the positions of its events of that name, ascending.
/// </summary>
internal readonly struct NameEvents
{
    private readonly int[] _subjects;
    private readonly int[] _eventStarts;
    private readonly int[] _positions;
    private readonly int _first;

    public NameEvents(int[] subjects, int[] eventStarts, int[] positions, int first, int end)
    {
        _subjects = subjects;
        _eventStarts = eventStarts;
        _positions = positions;
        _first = first;
        Count = end - first;
    }

    /// <summary>How many subjects have events of the name.</summary>
    public int Count { get; }

    /// <summary>How many events of the name the partition holds.</summary>
    public int EventCount => Count == 0 ? 0 : _eventStarts[_first + Count] - _eventStarts[_first];

    /// <summary>The positions of every entry's events, entry after entry (so ascending).</summary>
    public ReadOnlySpan<int> AllPositions => Count == 0 ? [] : _positions.AsSpan(_eventStarts[_first], EventCount);

    /// <summary>The local subject of every entry, ascending.</summary>
    public ReadOnlySpan<int> Subjects => Count == 0 ? [] : _subjects.AsSpan(_first, Count);

    /// <summary>The local subject of entry <paramref name="entry"/>.</summary>
    public int Subject(int entry) => _subjects[_first + entry];

    /// <summary>The positions of entry <paramref name="entry"/>'s events, ascending.</summary>
    public ReadOnlySpan<int> Positions(int entry)
    {
        var start = _eventStarts[_first + entry];
        return _positions.AsSpan(start, _eventStarts[_first + entry + 1] - start);
    }

    /// <summary>
    /// The positions of local subject <paramref name="subject"/>'s events (empty when it has none),
    /// moving <paramref name="entry"/> forward: ask for subjects in ascending order, starting from 0.
    /// </summary>
    public ReadOnlySpan<int> PositionsOf(int subject, ref int entry)
    {
        while (entry < Count && _subjects[_first + entry] < subject)
        {
            entry++;
        }

        return entry < Count && _subjects[_first + entry] == subject ? Positions(entry) : [];
    }
}

/// <summary>One subject's events of a name inside a range (see <see cref="SubjectWindows.Walk"/>).</summary>
/// <param name="Subject">The local subject.</param>
/// <param name="Positions">The positions of its events, ascending; never empty.</param>
internal readonly ref struct SubjectEvents(int Subject, ReadOnlySpan<int> Positions)
{
    public int Subject { get; } = Subject;

    public ReadOnlySpan<int> Positions { get; } = Positions;
}

/// <summary>Walks the entries of a <see cref="NameEvents"/> that are in a cohort and have events in a range; for <c>foreach</c>.</summary>
internal ref struct SubjectEventsEnumerator(NameEvents events, SubjectMask cohort, TimeRange range, int firstSubject, long[] times)
{
    private int _entry = -1;

    public SubjectEvents Current { get; private set; }

    public readonly SubjectEventsEnumerator GetEnumerator() => this;

    public bool MoveNext()
    {
        while (++_entry < events.Count)
        {
            var subject = events.Subject(_entry);
            if (!cohort.Contains(firstSubject + subject))
            {
                continue;
            }

            var positions = SubjectWindows.InRange(events.Positions(_entry), times, range);
            if (positions.Length > 0)
            {
                Current = new SubjectEvents(subject, positions);
                return true;
            }
        }

        return false;
    }
}
