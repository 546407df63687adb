namespace Waymark.Engine.Snapshot;

/// <summary>Unordered event columns gathered by <see cref="EventLog.Builder"/>: subject, time, name and source row.</summary>
internal sealed class EventColumns
{
    public int[] Subjects = new int[1024];
    public long[] Times = new long[1024];
    public int[] Names = new int[1024];
    public int[] Rows = new int[1024];
    public int Count;

    public void Reserve(int more)
    {
        var needed = Count + more;
        if (needed <= Subjects.Length)
        {
            return;
        }

        var size = Math.Max(needed, (int)Math.Min(Array.MaxLength, Subjects.Length * 2L));
        Array.Resize(ref Subjects, size);
        Array.Resize(ref Times, size);
        Array.Resize(ref Names, size);
        Array.Resize(ref Rows, size);
    }

    public void Add(int subject, long time, int name, int row)
    {
        Reserve(1);
        Subjects[Count] = subject;
        Times[Count] = time;
        Names[Count] = name;
        Rows[Count] = row;
        Count++;
    }
}
