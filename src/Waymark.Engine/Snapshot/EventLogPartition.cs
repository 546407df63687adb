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
