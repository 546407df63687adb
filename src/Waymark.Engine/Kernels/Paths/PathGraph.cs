namespace Waymark.Engine.Kernels.Paths;

/// <summary>
/// The directly-follows graph of the subjects and events of a <see cref="Execution.QueryScope"/>:
/// within each subject, events in time order (ties in source-row order), two events are a pair
/// when one comes right after the other among the subject's events inside the scope's range.
/// This is process mining's directly-follows graph (PM4Py's <c>discover_dfg</c>, with the case as
/// the subject), with its start and end activities.
/// </summary>
/// <param name="Subjects">Subjects with at least one event in the scope.</param>
/// <param name="Events">Events in the scope (events of those subjects inside the range).</param>
/// <param name="Edges">Every pair of names that directly follow each other at least once, most frequent first (ties by <c>From</c>, then <c>To</c>, ordinal).</param>
/// <param name="StartActivities">Per name, how many subjects' first event in the scope has it, most frequent first (ties by name).</param>
/// <param name="EndActivities">Per name, how many subjects' last event in the scope has it, most frequent first (ties by name).</param>
public sealed record PathGraph(
    long Subjects,
    long Events,
    IReadOnlyList<PathEdge> Edges,
    IReadOnlyList<ActivityCount> StartActivities,
    IReadOnlyList<ActivityCount> EndActivities);

/// <summary>One edge of a <see cref="PathGraph"/>: how often <see cref="To"/> came right after <see cref="From"/>.</summary>
/// <param name="From">The earlier event's name.</param>
/// <param name="To">The next event's name.</param>
/// <param name="Count">How many times, over all subjects (a subject can add several).</param>
/// <param name="Times">The time between the two events, when the query asked for times.</param>
public sealed record PathEdge(string From, string To, long Count, EdgeTimes? Times);

/// <summary>
/// The time from an event to the next one over all occurrences of an edge, in milliseconds, exact.
/// Quantiles are continuous (DuckDB's <c>quantile_cont</c>, numpy's and PM4Py's median): at rank
/// <c>h = (n - 1) q</c> of the ascending times, interpolated linearly between the two closest ranks.
/// </summary>
/// <param name="Mean">The arithmetic mean.</param>
/// <param name="Median">The 0.5 quantile.</param>
/// <param name="P90">The 0.9 quantile.</param>
/// <param name="Min">The shortest.</param>
/// <param name="Max">The longest.</param>
public sealed record EdgeTimes(double Mean, double Median, double P90, long Min, long Max);

/// <summary>A name and how many subjects it counts (as a start or an end activity).</summary>
/// <param name="Name">The event name.</param>
/// <param name="Count">How many subjects.</param>
public readonly record struct ActivityCount(string Name, long Count);
