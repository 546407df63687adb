using Waymark.Core.Journeys;
using Waymark.Journeys.Compilation;

namespace Waymark.Journeys.Evaluation;

/// <summary>
/// Evaluates one journey over one subject's events in time order, the same way for batch evaluation
/// and for the tracker. Events of one time form a group: the walker counts a whole group before it
/// tests any condition, so the order of events that share a time never matters. Between groups it
/// applies what time alone changes (due times passing, stalls, inactivity). The latest group stays
/// pending until an event of a later time arrives or <see cref="Close"/> is called; anything older
/// than that (a late event) needs <see cref="Reset"/> and a replay, which the tracker does.
/// </summary>
internal sealed partial class JourneyWalker
{
    private readonly CompiledJourney _journey;
    private readonly PhaseState _before;
    private readonly PhaseState _during;
    private readonly List<InstanceState> _ended = [];
    private SubjectEvents _events = null!;
    private SubjectTimeline _timeline = null!;
    private int _next;
    private bool _applies;
    private int _fed;
    private int _groupStart;
    private InstanceState? _open;
    private int _started;

    public JourneyWalker(CompiledJourney journey)
    {
        _journey = journey;
        _before = new PhaseState(journey);
        _during = new PhaseState(journey);
        _required = journey.Required;
    }

    private readonly int[] _required;

    /// <summary>The latest time taken in: of a group closed, or of a timeline event applied; <see cref="ConditionNode.Never"/> at first.</summary>
    public long ProcessedTime { get; private set; }

    /// <summary>How many instances started so far.</summary>
    public int Started => _started;

    /// <summary>The time of the pending group, or <see cref="ConditionNode.Never"/> when none is pending.</summary>
    public long PendingTime => _groupStart < _fed ? _events.Times[_groupStart] : ConditionNode.Never;

    /// <summary>
    /// Starts over for a subject whose events the journey reads are <paramref name="events"/> and whose
    /// every event time is in <paramref name="timeline"/>; <paramref name="applies"/> says whether it is
    /// in the map's <c>applies_to</c>.
    /// </summary>
    public void Reset(SubjectEvents events, SubjectTimeline timeline, bool applies)
    {
        _events = events;
        _timeline = timeline;
        _next = 0;
        _applies = applies;
        _fed = 0;
        _groupStart = 0;
        _open = null;
        _started = 0;
        _ended.Clear();
        _before.Reset(ConditionNode.Never);
        ProcessedTime = ConditionNode.Never;
    }

    /// <summary>Takes in the buffer's events not yet fed; they must not be older than the pending group.</summary>
    public void FeedAll()
    {
        var times = _events.Times;
        for (var i = _fed; i < times.Length; i++)
        {
            if (_groupStart < i && times[i] != times[_groupStart])
            {
                CloseGroup(_groupStart, i);
                _groupStart = i;
            }

            _fed = i + 1;
        }
    }

    /// <summary>Closes the pending group, if any: after this, an event of the same time is late.</summary>
    public void Close()
    {
        if (_groupStart < _fed)
        {
            CloseGroup(_groupStart, _fed);
            _groupStart = _fed;
        }
    }

    /// <summary>
    /// Applies the timeline's events before <paramref name="limit"/> not taken in yet: events no condition
    /// reads only move the time of the latest event (inactivity), after what time alone changed before them.
    /// </summary>
    private void CatchUp(long limit)
    {
        var count = _timeline.Count;
        while (_next < count)
        {
            if (_open is not { } open)
            {
                // No instance: the timeline's events change nothing; only the position moves.
                var skipped = _next;
                while (_next < count && _timeline.Time(_next) < limit)
                {
                    _next++;
                }

                if (_next > skipped)
                {
                    ProcessedTime = Math.Max(ProcessedTime, _timeline.Time(_next - 1));
                }

                return;
            }

            var time = _timeline.Time(_next);
            if (time >= limit)
            {
                return;
            }

            _next++;
            if (time <= ProcessedTime)
            {
                continue;
            }

            ProcessedTime = time;
            Advance(open, time, virtualTime: false);
            if (_open is not null)
            {
                MoveLastEvent(open, time);
            }
        }
    }

    /// <summary>The subject had an event at <paramref name="time"/>: inactivity counts from it, so its thresholds move.</summary>
    private void MoveLastEvent(InstanceState open, long time)
    {
        _during.LastEvent = time;
        open.LastEvent = time;
        if (!open.NextCheckStale)
        {
            open.NextInactive = NextInactivity(open);
        }
    }

    private void CloseGroup(int from, int to)
    {
        var time = _events.Times[from];
        CatchUp(time);
        ProcessedTime = time;
        if (_open is { } open)
        {
            Advance(open, time, virtualTime: false);
            if (_open is not null)
            {
                if (!Touches(from, to, _journey.InstanceAtoms))
                {
                    // Nothing any condition reads: only the time of the latest event moves (inactivity).
                    MoveLastEvent(open, time);
                    return;
                }

                _during.AddGroup(_events, from, to, _journey.InstanceAtoms);
                AfterGroup(open, from, to, time);
                return;
            }
        }

        TryStart(from, to, time);
    }

    /// <summary>True when an event of the group matches, or is named for, one of <paramref name="atoms"/>.</summary>
    private bool Touches(int from, int to, ulong atoms)
    {
        var matches = _events.Matches;
        var named = _events.Named;
        for (var i = from; i < to; i++)
        {
            if (((matches[i] | named[i]) & atoms) != 0)
            {
                return true;
            }
        }

        return false;
    }

    private void TryStart(int from, int to, long time)
    {
        if (!_applies || (_started > 0 && !_journey.Map.Repeat) || !Touches(from, to, _journey.Start.Atoms))
        {
            return;
        }

        _before.AddGroup(_events, from, to, _journey.Start.Atoms);
        if (_journey.Start.FirstTrue(_before) == ConditionNode.Never)
        {
            return;
        }

        var open = new InstanceState(_journey, ++_started, time) { LastEvent = time, Cursor = time };
        _open = open;
        _during.Reset(time);
        _during.AddGroup(_events, from, to, _journey.InstanceAtoms);
        AfterGroup(open, from, to, time);
    }

    private void AfterGroup(InstanceState open, int from, int to, long time)
    {
        var frontier = FrontierAtoms(open);
        var named = _events.Named;
        for (var i = from; i < to; i++)
        {
            if ((named[i] & frontier) != 0)
            {
                open.LastActivity = time;
                break;
            }
        }

        open.LastEvent = time;
        CountRepeats(open, from, to);
        ReachMilestones(open, time);
        for (var t = 0; t < open.Delivered.Length; t++)
        {
            if (open.Delivered[t] == ConditionNode.Never)
            {
                open.Delivered[t] = _journey.Touchpoints[t].FirstTrue(_during);
            }
        }

        ApplyConditions(open);
        open.NextCheckStale = true;
        if (AllRequiredReached(open))
        {
            End(open, JourneyStatus.Completed, time, reason: null);
            return;
        }

        if (TryAbandon(open))
        {
            return;
        }

        FireOverdue(open, time);
        SetStatus(open, time);
        open.Cursor = time;
    }

    private void ReachMilestones(InstanceState open, long time)
    {
        var reachedNow = false;
        for (var m = 0; m < open.Reached.Length; m++)
        {
            if (open.Reached[m] == ConditionNode.Never && _journey.Milestones[m].FirstTrue(_during) != ConditionNode.Never)
            {
                open.Reached[m] = time;
                reachedNow = true;
            }
        }

        if (!reachedNow)
        {
            return;
        }

        open.Progress = time;
        for (var m = 0; m < open.Reached.Length; m++)
        {
            if (open.Reached[m] == time)
            {
                open.OutOfOrder[m] = !AfterReached(open, m);
                FireReached(open, m, time);
            }
        }
    }

    /// <summary>
    /// Counts a repeat of each reached milestone the group goes back to: one of its events matches the
    /// milestone's condition, a milestone designed after it is already reached, and the event counts
    /// towards no milestone still to reach. Runs before the group reaches anything, so "already" means
    /// at an earlier time.
    /// </summary>
    private void CountRepeats(InstanceState open, int from, int to)
    {
        ulong reached = 0, pending = 0;
        for (var m = 0; m < open.Reached.Length; m++)
        {
            if (open.Reached[m] == ConditionNode.Never)
            {
                pending |= _journey.Milestones[m].Atoms;
            }
            else
            {
                reached |= _journey.Milestones[m].Atoms;
            }
        }

        var back = 0UL;
        var matches = _events.Matches;
        for (var i = from; i < to; i++)
        {
            if ((matches[i] & pending) == 0)
            {
                back |= matches[i] & reached;
            }
        }

        if (back == 0)
        {
            return;
        }

        for (var m = 0; m < open.Reached.Length; m++)
        {
            if (open.Reached[m] != ConditionNode.Never && (_journey.Milestones[m].Atoms & back) != 0 && AnyReached(open, _journey.Later[m]))
            {
                open.Repeats[m]++;
            }
        }
    }

    private static bool AnyReached(InstanceState open, int[] milestones)
    {
        foreach (var m in milestones)
        {
            if (open.Reached[m] != ConditionNode.Never)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Applies what conditions say after a change: deviations and condition contingencies.</summary>
    private void ApplyConditions(InstanceState open)
    {
        for (var k = 0; k < _journey.OffTrack.Length; k++)
        {
            var latest = _journey.OffTrack[k].LatestMatch(_during);
            if (latest != ConditionNode.Never && latest > open.OffTrackAt)
            {
                open.OffTrackAt = latest;
                open.OffTrackIndex = k;
            }
        }

        for (var c = 0; c < _journey.ContingencyConditions.Length; c++)
        {
            if (!open.Fired[c] && _journey.ContingencyConditions[c] is { } condition && condition.FirstTrue(_during) is var at && at != ConditionNode.Never)
            {
                Fire(open, c, at, $"{Reasons.Explain(_journey, condition, _during)} on {Reasons.Date(at)}");
            }
        }
    }

    private bool TryAbandon(InstanceState open)
    {
        if (_journey.Abandon is not { } abandon || abandon.FirstTrue(_during) is var at && at == ConditionNode.Never)
        {
            return false;
        }

        End(open, JourneyStatus.Abandoned, at, $"abandoned on {Reasons.Date(at)}: {Reasons.Explain(_journey, abandon, _during)}");
        return true;
    }

    /// <summary>Ends an instance; a null reason is worded when asked for (a completion's depends only on its frozen milestones).</summary>
    private void End(InstanceState open, JourneyStatus status, long at, string? reason)
    {
        open.End = at;
        open.EndReason = reason;
        open.Cursor = at;
        if (open.Status != status)
        {
            open.Status = status;
            open.StatusSince = at;
            FireStatus(open, status, at, () => reason ?? CompletedReason(open));
        }

        if (ReferenceEquals(open, _open))
        {
            _ended.Add(open);
            _open = null;
            _before.Reset(ConditionNode.Never);
        }
    }

    /// <summary>The atoms of the frontier milestones' conditions: events with these names are activity.</summary>
    private ulong FrontierAtoms(InstanceState open)
    {
        ulong atoms = 0;
        for (var m = 0; m < open.Reached.Length; m++)
        {
            if (IsFrontier(open, m))
            {
                atoms |= _journey.Milestones[m].Atoms;
            }
        }

        return atoms;
    }

    private bool IsFrontier(InstanceState open, int m) =>
        open.Reached[m] == ConditionNode.Never && !_journey.Optional[m] && AfterReached(open, m);

    private bool AfterReached(InstanceState open, int m)
    {
        foreach (var a in _journey.After[m])
        {
            if (open.Reached[a] == ConditionNode.Never)
            {
                return false;
            }
        }

        return true;
    }

    private bool AllRequiredReached(InstanceState open)
    {
        foreach (var m in _required)
        {
            if (open.Reached[m] == ConditionNode.Never)
            {
                return false;
            }
        }

        return true;
    }
}
