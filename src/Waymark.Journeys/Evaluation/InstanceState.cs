using Waymark.Core.Journeys;
using Waymark.Journeys.Compilation;

namespace Waymark.Journeys.Evaluation;

/// <summary>The mutable state of one instance while the walker evaluates it; times in UTC ms.</summary>
internal sealed class InstanceState
{
    public InstanceState(CompiledJourney journey, int number, long start)
    {
        Number = number;
        Start = start;
        Reached = new long[journey.Milestones.Length];
        OutOfOrder = new bool[journey.Milestones.Length];
        Repeats = new int[journey.Milestones.Length];
        Delivered = new long[journey.Touchpoints.Length];
        Fired = new bool[journey.Map.Contingencies.Count];
        Array.Fill(Reached, ConditionNode.Never);
        Array.Fill(Delivered, ConditionNode.Never);
        Progress = start;
        LastActivity = start;
        StatusSince = start;
    }

    private InstanceState(InstanceState other)
    {
        Number = other.Number;
        Start = other.Start;
        End = other.End;
        EndReason = other.EndReason;
        Reached = (long[])other.Reached.Clone();
        OutOfOrder = (bool[])other.OutOfOrder.Clone();
        Repeats = (int[])other.Repeats.Clone();
        Delivered = (long[])other.Delivered.Clone();
        Fired = (bool[])other.Fired.Clone();
        Firings = [.. other.Firings];
        Progress = other.Progress;
        LastActivity = other.LastActivity;
        LastEvent = other.LastEvent;
        OffTrackAt = other.OffTrackAt;
        OffTrackIndex = other.OffTrackIndex;
        Status = other.Status;
        StatusSince = other.StatusSince;
        Cursor = other.Cursor;
        NextInactive = other.NextInactive;
        NextTimed = other.NextTimed;
        NextCheckStale = other.NextCheckStale;
    }

    public int Number { get; }

    public long Start { get; }

    /// <summary>When it completed or was abandoned, or <see cref="ConditionNode.Never"/> while open.</summary>
    public long End { get; set; } = ConditionNode.Never;

    public string? EndReason { get; set; }

    public long[] Reached { get; }

    public bool[] OutOfOrder { get; }

    /// <summary>Per milestone, how many times (groups of one time) the customer went back to it; see <see cref="JourneyWalker"/>.</summary>
    public int[] Repeats { get; }

    public long[] Delivered { get; }

    public bool[] Fired { get; }

    public List<(int Contingency, long At, string Reason)> Firings { get; } = [];

    public long Progress { get; set; }

    public long LastActivity { get; set; }

    public long LastEvent { get; set; }

    public long OffTrackAt { get; set; } = ConditionNode.Never;

    public int OffTrackIndex { get; set; } = -1;

    public JourneyStatus Status { get; set; } = JourneyStatus.OnTrack;

    public long StatusSince { get; set; }

    /// <summary>The latest time whose time-driven changes (due times, stalls, inactivity) are applied.</summary>
    public long Cursor { get; set; }

    /// <summary>A lower bound of the next inactivity threshold (inactivity only moves later as events arrive).</summary>
    public long NextInactive { get; set; }

    /// <summary>A lower bound of the next due, stall or overdue threshold while the milestones stay as they are.</summary>
    public long NextTimed { get; set; }

    /// <summary>True when the thresholds must be computed again (a milestone, the activity or a firing changed).</summary>
    public bool NextCheckStale { get; set; } = true;

    public bool IsOpen => End == ConditionNode.Never;

    public InstanceState Clone() => new(this);
}
