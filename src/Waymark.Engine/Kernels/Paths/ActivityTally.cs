namespace Waymark.Engine.Kernels.Paths;

/// <summary>One worker's subjects, events, and start and end activities of a directly-follows graph.</summary>
internal sealed class ActivityTally
{
    public ActivityTally(int names)
    {
        Starts = new long[names];
        Ends = new long[names];
    }

    /// <summary>Per name, subjects whose first event in the scope has it.</summary>
    public long[] Starts { get; }

    /// <summary>Per name, subjects whose last event in the scope has it.</summary>
    public long[] Ends { get; }

    public long Subjects { get; set; }

    public long Events { get; set; }

    /// <summary>Counts a subject whose events in the scope are <c>names[start..end]</c> (not empty).</summary>
    public void Subject(int[] names, int start, int end)
    {
        System.Diagnostics.Debug.Assert(start < end);
        Subjects++;
        Events += end - start;
        Starts[names[start]]++;
        Ends[names[end - 1]]++;
    }

    /// <summary>Adds <paramref name="other"/>'s counts to these.</summary>
    public void Add(ActivityTally other)
    {
        for (var i = 0; i < Starts.Length; i++)
        {
            Starts[i] += other.Starts[i];
            Ends[i] += other.Ends[i];
        }

        Subjects += other.Subjects;
        Events += other.Events;
    }
}
