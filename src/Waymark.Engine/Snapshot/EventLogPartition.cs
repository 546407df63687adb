namespace Waymark.Engine.Snapshot;

/// <summary>
/// The events of a contiguous range of subjects, sorted by (subject, time, store row): the unit
/// kernels run in parallel and appends rebuild. Subject <c>s</c> of the range owns positions
/// <c>Offsets[s - FirstSubject]</c> (included) to <c>Offsets[s - FirstSubject + 1]</c> (excluded)
/// of the event columns. Immutable once built.
/// </summary>
public sealed class EventLogPartition
{
    internal readonly int[] OffsetArray;
    internal readonly long[] TimeArray;
    internal readonly int[] NameArray;
    internal readonly int[] RowArray;

    internal EventLogPartition(int firstSubject, int[] offsets, long[] times, int[] names, int[] rows)
    {
        FirstSubject = firstSubject;
        OffsetArray = offsets;
        TimeArray = times;
        NameArray = names;
        RowArray = rows;
    }

    /// <summary>
    /// A partition of the given arrays, which it takes over (the caller must not change them):
    /// <paramref name="offsets"/> as <see cref="Offsets"/>, and one time, name code and source row
    /// per event. Throws when the offsets do not run from 0 up to the event count, never falling.
    /// </summary>
    public static EventLogPartition FromArrays(int firstSubject, int[] offsets, long[] times, int[] names, int[] rows)
    {
        ArgumentNullException.ThrowIfNull(offsets);
        ArgumentNullException.ThrowIfNull(times);
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(firstSubject);
        if (names.Length != times.Length || rows.Length != times.Length)
        {
            throw new ArgumentException("times, names and rows must have the same length");
        }

        if (offsets.Length == 0 || offsets[0] != 0 || offsets[^1] != times.Length)
        {
            throw new ArgumentException("offsets must run from 0 to the event count", nameof(offsets));
        }

        for (var s = 1; s < offsets.Length; s++)
        {
            if (offsets[s] < offsets[s - 1])
            {
                throw new ArgumentException($"offsets fall at subject {s - 1}", nameof(offsets));
            }
        }

        return new EventLogPartition(firstSubject, offsets, times, names, rows);
    }

    /// <summary>The first subject code of the range.</summary>
    public int FirstSubject { get; }

    /// <summary>How many subject codes the range covers (some may have no events).</summary>
    public int SubjectCount => OffsetArray.Length - 1;

    /// <summary>How many events the partition holds.</summary>
    public int EventCount => TimeArray.Length;

    /// <summary>Per subject of the range, where its events start; one more entry holds the end.</summary>
    public ReadOnlySpan<int> Offsets => OffsetArray;

    /// <summary>Event times, UTC milliseconds since the Unix epoch, ascending within each subject.</summary>
    public ReadOnlySpan<long> Times => TimeArray;

    /// <summary>Event name codes (see <see cref="EventLog.Names"/>).</summary>
    public ReadOnlySpan<int> Names => NameArray;

    /// <summary>Each event's row in its source (the store's row id, or the input position).</summary>
    public ReadOnlySpan<int> Rows => RowArray;

    /// <summary>Bytes held by the partition's arrays.</summary>
    internal long Bytes => (OffsetArray.Length * 4L) + (TimeArray.Length * 16L);
}
