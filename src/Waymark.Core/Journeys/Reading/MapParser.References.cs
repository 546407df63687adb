namespace Waymark.Core.Journeys.Reading;

/// <summary>Checks across the map: the default <c>after</c>, references to milestones, and cycles in <c>after</c>.</summary>
internal sealed partial class MapParser
{
    /// <summary>A reference to a milestone from a touchpoint's <c>supports</c> or a contingency trigger, checked once all milestones are read.</summary>
    private sealed record MilestoneRef(string Id, YNode Node, string What, bool NeedsTimetable);

    private readonly List<MilestoneRef> _milestoneRefs = [];

    /// <summary>
    /// Applies the default <c>after</c> (the nearest milestone above that is not optional, so an
    /// optional milestone never holds up the ones below it), then checks <c>after</c> references,
    /// <c>expected_after</c> and cycles.
    /// </summary>
    private void CheckMilestones(List<Draft> drafts, Fields map)
    {
        if (drafts.Count > 0 && drafts.All(d => d.Milestone.Optional))
        {
            _c.Error(map["milestones"]!, "milestones: expected at least one milestone that is not optional; the journey completes when every milestone that is not optional is reached");
        }

        string? above = null;
        foreach (var draft in drafts)
        {
            if (draft.After is null)
            {
                draft.Milestone = draft.Milestone with { After = above is null ? [] : [above] };
            }


            if (draft.ExpectedAfterNode is { } expectedAfter && draft.Milestone.After.Count == 0)
            {
                _c.Error(expectedAfter, $"expected_after in {Quote(draft.Milestone.Id, "milestone", draft.Number)}: counts from the milestones in after, but this milestone has none{(draft.After is null ? " (it is the first that is not optional)" : "")}; use expected_within, which counts from the journey's start");
            }

            if (!draft.Milestone.Optional && draft.Milestone.Id.Length > 0)
            {
                above = draft.Milestone.Id;
            }
        }

    }

    private void CheckCycles(List<Draft> drafts, HashSet<string> ids)
    {
        var byId = drafts.Where(d => d.Milestone.Id.Length > 0).GroupBy(d => d.Milestone.Id).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 = on the path, 2 = done
        var path = new List<string>();
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var draft in byId.Values)
        {
            Visit(draft.Milestone.Id);
        }

        void Visit(string id)
        {
            state[id] = 1;
            path.Add(id);
            foreach (var next in byId[id].Milestone.After.Where(ids.Contains))
            {
                if (state.GetValueOrDefault(next) == 1)
                {
                    ReportCycle(path[path.IndexOf(next)..], byId, reported);
                }
                else if (state.GetValueOrDefault(next) == 0)
                {
                    Visit(next);
                }
            }

            path.RemoveAt(path.Count - 1);
            state[id] = 2;
        }
    }

    /// <summary>Reports a cycle once, at the milestone of the cycle that comes first in the file.</summary>
    private void ReportCycle(List<string> cycle, Dictionary<string, Draft> byId, HashSet<string> reported)
    {
        var first = cycle.MinBy(id => byId[id].Number)!;
        var start = cycle.IndexOf(first);
        var ordered = cycle[start..].Concat(cycle[..start]).ToList();
        if (!reported.Add(string.Join(" ", ordered)))
        {
            return;
        }

        var draft = byId[first];
        var loop = string.Join(" -> ", ordered.Append(first));
        _c.Error(draft.AfterNode ?? draft.Node, $"after in milestone '{first}': milestones wait for each other in a cycle: {loop} (each is after the next){(draft.AfterNode is null ? "; this milestone is after the one above it by default" : "")}");
    }

    /// <summary>
    /// Milestones' <c>after</c>, touchpoints' <c>supports</c> and contingency triggers must name
    /// milestones (with a timetable, for <c>overdue_by</c>); <c>after</c> must not loop.
    /// </summary>
    private void CheckReferences(List<Draft> drafts)
    {
        var ids = drafts.Select(d => d.Milestone.Id).Where(id => id.Length > 0).ToHashSet(StringComparer.Ordinal);
        foreach (var draft in drafts)
        {
            foreach (var (id, node) in (draft.After ?? []).Where(a => !ids.Contains(a.Id)))
            {
                _c.Error(node, $"after in {Quote(draft.Milestone.Id, "milestone", draft.Number)}: {UnknownMilestone(id, drafts)}");
            }
        }

        CheckCycles(drafts, ids);
        foreach (var reference in _milestoneRefs)
        {
            if (!ids.Contains(reference.Id))
            {
                _c.Error(reference.Node, $"{reference.What}: {UnknownMilestone(reference.Id, drafts)}");
                continue;
            }

            var milestone = drafts.First(d => d.Milestone.Id == reference.Id).Milestone;
            if (reference.NeedsTimetable && milestone.ExpectedWithin is null && milestone.ExpectedAfter is null)
            {
                _c.Error(reference.Node, $"{reference.What}: milestone '{reference.Id}' has no expected_within or expected_after, so it is never overdue; give it a timetable or use reached: true");
            }
        }
    }

    private string UnknownMilestone(string id, List<Draft> drafts)
    {
        var milestones = drafts.Select(d => d.Milestone.Id).Where(m => m.Length > 0).Distinct().ToList();
        var kind = _ids.TryGetValue(id, out _) ? " (it is a touchpoint or a contingency)" : "";
        return milestones.Count == 0
            ? $"unknown milestone '{id}'{kind}; the map has no milestones"
            : $"unknown milestone '{id}'{kind}; expected one of: {string.Join(", ", milestones)}";
    }
}
