using Waymark.Core.Journeys;
using Waymark.Journeys.Compilation;

namespace Waymark.Journeys.Evaluation;

/// <summary>What time alone changes: due times passing, stalls, inactivity, and the status they make.</summary>
internal sealed partial class JourneyWalker
{
    /// <summary>
    /// Applies, in time order, the changes time brings between the instance's cursor and
    /// <paramref name="limit"/>: inactivity that is reached at or before it, and due times, stalls and
    /// overdue triggers passed before it (or at it, when <paramref name="virtualTime"/>: evaluating a
    /// status at that time rather than before a group of events at it).
    /// </summary>
    private void Advance(InstanceState open, long limit, bool virtualTime)
    {
        while (open.IsOpen)
        {
            RefreshThresholds(open);

            // Both are lower bounds: when neither falls within the limit, nothing changes.
            var strictLimit = virtualTime ? limit : limit - 1;
            if (open.NextInactive > limit && (open.NextTimed == ConditionNode.Never || open.NextTimed > strictLimit))
            {
                return;
            }

            var next = NextChange(open, limit, virtualTime);
            if (next == ConditionNode.Never)
            {
                open.NextCheckStale = true;
                return;
            }

            open.NextCheckStale = true;

            open.Cursor = next;
            if (ApplyInactivity(open, next) && TryAbandon(open))
            {
                return;
            }

            FireOverdue(open, next);
            SetStatus(open, next);
        }
    }

    /// <summary>Computes the cached lower bounds of the next time-driven change again when they are stale.</summary>
    private void RefreshThresholds(InstanceState open)
    {
        if (open.NextCheckStale)
        {
            open.NextInactive = NextInactivity(open);
            open.NextTimed = NextChange(open, long.MaxValue - 1, virtualTime: true);
            open.NextCheckStale = false;
        }
    }

    private long NextInactivity(InstanceState open)
    {
        var next = long.MaxValue;
        foreach (var (slot, duration) in _journey.Inactivity)
        {
            var at = _during.LastEvent + duration;
            if (_during.InactiveLatest[slot] < at && at > open.Cursor)
            {
                next = Math.Min(next, at);
            }
        }

        return next;
    }

    /// <summary>The earliest time after the cursor, within the limit, at which time alone changes something; Never when none.</summary>
    private long NextChange(InstanceState open, long limit, bool virtualTime)
    {
        var next = long.MaxValue;
        foreach (var (slot, duration) in _journey.Inactivity)
        {
            var at = _during.LastEvent + duration;
            if (_during.InactiveLatest[slot] < at && at > open.Cursor)
            {
                next = Math.Min(next, at);
            }
        }

        var strictLimit = virtualTime ? limit : limit - 1;
        if (next > limit)
        {
            next = long.MaxValue;
        }

        for (var m = 0; m < open.Reached.Length; m++)
        {
            if (open.Reached[m] == ConditionNode.Never && Due(open, m) is var due && due != ConditionNode.Never)
            {
                Consider(ref next, due + 1, open.Cursor, strictLimit);
            }
        }

        for (var c = 0; c < open.Fired.Length; c++)
        {
            if (!open.Fired[c] && _journey.Map.Contingencies[c].When is MilestoneOverdue overdue)
            {
                var m = _journey.ContingencyMilestones[c];
                if (open.Reached[m] == ConditionNode.Never && Due(open, m) is var due && due != ConditionNode.Never)
                {
                    Consider(ref next, due + Ms(overdue.By) + 1, open.Cursor, strictLimit);
                }
            }
        }

        if (StallAfter(open) is var stall && stall > 0)
        {
            Consider(ref next, Math.Max(open.Progress, open.LastActivity) + stall + 1, open.Cursor, strictLimit);
        }

        return next == long.MaxValue ? ConditionNode.Never : next;
    }

    private static void Consider(ref long next, long at, long after, long limit)
    {
        if (at > after && at <= limit && at < next)
        {
            next = at;
        }
    }

    /// <summary>Marks the inactivity gaps that are long enough at <paramref name="at"/>; true when one was.</summary>
    private bool ApplyInactivity(InstanceState open, long at)
    {
        var any = false;
        foreach (var (slot, duration) in _journey.Inactivity)
        {
            var reached = _during.LastEvent + duration;
            if (reached == at && _during.InactiveLatest[slot] < reached)
            {
                _during.InactiveLatest[slot] = reached;
                if (_during.InactiveFirst[slot] == ConditionNode.Never)
                {
                    _during.InactiveFirst[slot] = reached;
                }

                any = true;
            }
        }

        if (any)
        {
            ApplyConditions(open);
        }

        return any;
    }

    private void FireOverdue(InstanceState open, long now)
    {
        for (var c = 0; c < open.Fired.Length; c++)
        {
            if (open.Fired[c] || _journey.Map.Contingencies[c].When is not MilestoneOverdue overdue)
            {
                continue;
            }

            var m = _journey.ContingencyMilestones[c];
            if (open.Reached[m] == ConditionNode.Never && Due(open, m) is var due && due != ConditionNode.Never && due + Ms(overdue.By) < now)
            {
                var at = due + Ms(overdue.By) + 1;
                Fire(open, c, at, $"milestone '{_journey.Map.Milestones[m].Name}' not reached {Reasons.Span(at - due)} after it was due on {Reasons.Date(due)}");
            }
        }
    }

    private void SetStatus(InstanceState open, long now)
    {
        var status = StatusAt(open, now);
        if (status != open.Status)
        {
            open.Status = status;
            open.StatusSince = now;
            FireStatus(open, status, now, () => StatusReason(open, status, now));
        }
    }

    /// <summary>The status of an open instance at <paramref name="now"/>, by JOURNEY-MAPS.md's rules 3 to 6.</summary>
    private JourneyStatus StatusAt(InstanceState open, long now)
    {
        if (open.OffTrackAt != ConditionNode.Never && open.OffTrackAt > open.Progress)
        {
            return JourneyStatus.OffTrack;
        }

        if (StallAfter(open) is var stall && stall > 0 && now - Math.Max(open.Progress, open.LastActivity) > stall)
        {
            return JourneyStatus.Stalled;
        }

        for (var m = 0; m < open.Reached.Length; m++)
        {
            if (IsFrontier(open, m) && Due(open, m) is var due && due != ConditionNode.Never && now > due)
            {
                return JourneyStatus.AtRisk;
            }
        }

        return JourneyStatus.OnTrack;
    }

    /// <summary>When milestone <paramref name="m"/> is due, or Never when it has no timetable or its <c>after</c> milestones are not all reached.</summary>
    private long Due(InstanceState open, int m)
    {
        if (_journey.WithinMs[m] >= 0)
        {
            return open.Start + _journey.WithinMs[m];
        }

        var after = _journey.AfterMs[m];
        if (after < 0)
        {
            return ConditionNode.Never;
        }

        var latest = ConditionNode.Never;
        foreach (var a in _journey.After[m])
        {
            if (open.Reached[a] == ConditionNode.Never)
            {
                return ConditionNode.Never;
            }

            latest = Math.Max(latest, open.Reached[a]);
        }

        return latest == ConditionNode.Never ? ConditionNode.Never : latest + after;
    }

    /// <summary>The map's <c>stall_after</c>, or the longest interval among the frontier milestones; 0 when there is none.</summary>
    private long StallAfter(InstanceState open)
    {
        if (_journey.StallAfterMs >= 0)
        {
            return _journey.StallAfterMs;
        }

        long longest = 0;
        for (var m = 0; m < open.Reached.Length; m++)
        {
            if (IsFrontier(open, m) && Due(open, m) != ConditionNode.Never)
            {
                longest = Math.Max(longest, Math.Max(_journey.WithinMs[m], _journey.AfterMs[m]));
            }
        }

        return longest;
    }

    private void FireReached(InstanceState open, int m, long at)
    {
        for (var c = 0; c < open.Fired.Length; c++)
        {
            if (!open.Fired[c] && _journey.Map.Contingencies[c].When is MilestoneReached && _journey.ContingencyMilestones[c] == m)
            {
                Fire(open, c, at, $"milestone '{_journey.Map.Milestones[m].Name}' reached on {Reasons.Date(at)}");
            }
        }
    }

    /// <summary>Fires the contingencies on entering <paramref name="status"/>; the reason is worded only when one fires.</summary>
    private void FireStatus(InstanceState open, JourneyStatus status, long at, Func<string> reason)
    {
        for (var c = 0; c < open.Fired.Length; c++)
        {
            if (!open.Fired[c] && _journey.Map.Contingencies[c].When is StatusEntered entered && entered.Status == status)
            {
                Fire(open, c, at, $"status became {JourneyNames.Of(status)}: {reason()}");
            }
        }
    }

    private static void Fire(InstanceState open, int contingency, long at, string reason)
    {
        open.Fired[contingency] = true;
        open.Firings.Add((contingency, at, reason));
    }

    private static long Ms(TimeSpan span) => (long)span.TotalMilliseconds;
}
