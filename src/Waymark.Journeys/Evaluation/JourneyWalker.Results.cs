using Waymark.Core.Journeys;
using Waymark.Engine.Snapshot;
using Waymark.Journeys.Compilation;
using Waymark.Journeys.Instances;

namespace Waymark.Journeys.Evaluation;

/// <summary>Instances out of the walker, with their statuses and reasons in words.</summary>
internal sealed partial class JourneyWalker
{
    /// <summary>
    /// Adds the subject's instances as they stand at <paramref name="at"/> (UTC ms, not before the
    /// latest event taken in): ended ones as they ended, the open one with what time alone changed
    /// up to <paramref name="at"/>. Closes the pending group; changes nothing else.
    /// </summary>
    public void Collect(string subject, long at, List<JourneyInstance> into)
    {
        Close();
        CatchUp(long.MaxValue);
        foreach (var ended in _ended)
        {
            into.Add(ToInstance(subject, ended, at));
        }

        if (_open is not { } open)
        {
            return;
        }

        if (!ChangesBy(open, at))
        {
            // Time alone changes nothing up to `at`: read the open state as it is.
            into.Add(ToInstance(subject, open, at));
            return;
        }

        var slots = _journey.InactivitySlots;
        Span<long> first = stackalloc long[slots];
        Span<long> latest = stackalloc long[slots];
        _during.InactiveFirst.CopyTo(first);
        _during.InactiveLatest.CopyTo(latest);
        var view = open.Clone();
        _open = view;
        try
        {
            Advance(view, at, virtualTime: true);
            into.Add(ToInstance(subject, view, at));
        }
        finally
        {
            _open = open;
            first.CopyTo(_during.InactiveFirst);
            latest.CopyTo(_during.InactiveLatest);
        }
    }

    /// <summary>False when the cached thresholds prove that nothing changes by <paramref name="at"/>.</summary>
    private bool ChangesBy(InstanceState open, long at)
    {
        RefreshThresholds(open);
        return open.NextInactive <= at || (open.NextTimed != ConditionNode.Never && open.NextTimed <= at);
    }

    private JourneyInstance ToInstance(string subject, InstanceState state, long at)
    {
        var map = _journey.Map;
        var milestones = new MilestoneProgress[state.Reached.Length];
        for (var m = 0; m < milestones.Length; m++)
        {
            var due = Due(state, m);
            milestones[m] = new MilestoneProgress(map.Milestones[m].Id, Time(state.Reached[m]), Time(due), state.OutOfOrder[m], state.Repeats[m]);
        }

        return new JourneyInstance
        {
            MapId = map.Id,
            MapVersion = _journey.Version,
            Subject = subject,
            Number = state.Number,
            Start = ToDate(state.Start),
            End = Time(state.End),
            Status = state.Status,
            StatusSince = ToDate(state.StatusSince),
            Reason = state.EndReason ?? (state.Status == JourneyStatus.Completed ? CompletedReason(state) : StatusReason(state, state.Status, at)),
            Milestones = milestones,
            Touchpoints = [.. state.Delivered.Select(Time)],
            ValueRealized = Value(state),
            ProgressAt = ToDate(state.Progress),
            LastEventAt = ToDate(state.LastEvent),
            DeviatedAt = Time(state.OffTrackAt),
            Firings = [.. state.Firings.Select(f => new ContingencyFiring(map.Contingencies[f.Contingency].Id, ToDate(f.At), f.Reason))],
            BuyingGroup = BuyingGroup(at),
            EvaluatedAt = ToDate(at),
        };
    }

    private IReadOnlyList<RoleEngagement>? BuyingGroup(long at)
    {
        if (_journey.Map.BuyingGroup is not { } group)
        {
            return null;
        }

        var window = Ms(group.EngagedWithin);
        return [.. group.Roles.Select(role =>
        {
            var last = LastEventOf(1 << (int)role, at);
            return new RoleEngagement(role, Time(last), last != ConditionNode.Never && last >= at - window);
        })];
    }

    /// <summary>The latest event at or before <paramref name="at"/> by a person with one of <paramref name="roles"/>, or Never.</summary>
    private long LastEventOf(int roles, long at)
    {
        for (var i = _timeline.Count - 1; i >= 0; i--)
        {
            if (_timeline.Time(i) <= at && (_timeline.Roles(i) & roles) != 0)
            {
                return _timeline.Time(i);
            }
        }

        return ConditionNode.Never;
    }

    /// <summary>Value realized, summed per dimension and unit in the order first met.</summary>
    private List<JourneyValue> Value(InstanceState state)
    {
        var values = new List<JourneyValue>();
        for (var m = 0; m < state.Reached.Length; m++)
        {
            if (state.Reached[m] != ConditionNode.Never)
            {
                Add(values, _journey.Map.Milestones[m].Value);
            }
        }

        if (state.Status == JourneyStatus.Completed)
        {
            Add(values, _journey.Map.Value);
        }

        return values;
    }

    private static void Add(List<JourneyValue> sums, IReadOnlyList<JourneyValue> values)
    {
        foreach (var value in values)
        {
            var i = sums.FindIndex(v => v.Dimension == value.Dimension && v.Unit == value.Unit);
            if (i < 0)
            {
                sums.Add(new JourneyValue(value.Dimension, value.Amount, value.Unit));
            }
            else
            {
                sums[i] = sums[i] with { Amount = sums[i].Amount + value.Amount };
            }
        }
    }

    private string StatusReason(InstanceState open, JourneyStatus status, long now)
    {
        switch (status)
        {
            case JourneyStatus.OffTrack:
                var condition = _journey.OffTrack[open.OffTrackIndex];
                return $"{Reasons.ExplainLatest(_journey, condition, _during)} on {Reasons.Date(open.OffTrackAt)}, after the latest progress on {Reasons.Date(open.Progress)}";
            case JourneyStatus.Stalled:
                var since = Math.Max(open.Progress, open.LastActivity);
                return $"no progress or activity towards {Waiting(open)} for {Reasons.Span(now - since)}, since {Reasons.Date(since)}; stalls after {Reasons.Span(StallAfter(open))}";
            case JourneyStatus.AtRisk:
                return Overdue(open, now);
            default:
                return Next(open, now);
        }
    }

    private string CompletedReason(InstanceState open)
    {
        var last = _required.MaxBy(m => open.Reached[m]);
        return $"every required milestone is reached; the last, '{_journey.Map.Milestones[last].Name}', on {Reasons.Date(open.Reached[last])}, {Reasons.Span(open.Reached[last] - open.Start)} after the start";
    }

    private string Overdue(InstanceState open, long now)
    {
        var late = Enumerable.Range(0, open.Reached.Length)
            .Where(m => IsFrontier(open, m) && Due(open, m) is var due && due != ConditionNode.Never && now > due)
            .OrderBy(m => Due(open, m)).ToList();
        var first = late[0];
        var text = $"milestone '{_journey.Map.Milestones[first].Name}' is {Reasons.Span(now - Due(open, first))} overdue; {Expected(first)}";
        return late.Count == 1 ? text : $"{text} (and {late.Count - 1} more overdue)";
    }

    private string Next(InstanceState open, long now)
    {
        var next = Enumerable.Range(0, open.Reached.Length)
            .Where(m => IsFrontier(open, m))
            .OrderBy(m => Due(open, m) is var due && due != ConditionNode.Never ? due : long.MaxValue).ToList();
        if (next.Count == 0)
        {
            return "no milestone is open to work on yet";
        }

        var m = next[0];
        var name = _journey.Map.Milestones[m].Name;
        return Due(open, m) is var d && d != ConditionNode.Never
            ? $"next: '{name}', due {Reasons.Date(d)} (in {Reasons.Span(d - now)}); {Expected(m)}"
            : $"next: '{name}' (no due time)";
    }

    private string Waiting(InstanceState open)
    {
        var text = new System.Text.StringBuilder();
        for (var m = 0; m < open.Reached.Length; m++)
        {
            if (IsFrontier(open, m))
            {
                text.Append(text.Length == 0 ? "'" : " or '").Append(_journey.Map.Milestones[m].Name).Append('\'');
            }
        }

        return text.Length == 0 ? "the goal" : text.ToString();
    }

    private string Expected(int m)
    {
        var milestone = _journey.Map.Milestones[m];
        if (milestone.ExpectedWithin is { } within)
        {
            return $"expected within {Reasons.Span(Ms(within))} of the start";
        }

        var after = string.Join(" and ", milestone.After.Select(id => $"'{_journey.Map.Milestone(id)!.Name}'"));
        return $"expected within {Reasons.Span(Ms(milestone.ExpectedAfter!.Value))} after {after}";
    }

    private static DateTime? Time(long ms) => ms == ConditionNode.Never ? null : ToDate(ms);

    private static DateTime ToDate(long ms) => TimeRange.ToDateTime(ms);
}
