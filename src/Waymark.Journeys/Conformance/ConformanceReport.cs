namespace Waymark.Journeys.Conformance;

/// <summary>How a map's instances conform to its design.</summary>
/// <param name="MapId">The map.</param>
/// <param name="Instances">How many instances were measured.</param>
/// <param name="MeanFitness">The mean of the instances' fitness, 0 to 1 (0 when there are none).</param>
/// <param name="FollowingDesign">The share of instances with fitness 1 and no deviation (0 when there are none).</param>
/// <param name="Deviated">How many instances had an <c>off_track_when</c> deviation.</param>
/// <param name="Repeating">How many instances went back to a milestone already reached (see <see cref="Instances.MilestoneProgress.Repeats"/>).</param>
/// <param name="Milestones">Per milestone, in map order: reached, out of order, skipped, actual time beside expected.</param>
/// <param name="Left">Where abandoned instances left: the milestone they were waiting for (null: none open), most first.</param>
/// <param name="Fitness">Each instance's fitness and deviations.</param>
public sealed record ConformanceReport(
    string MapId,
    int Instances,
    double MeanFitness,
    double FollowingDesign,
    int Deviated,
    int Repeating,
    IReadOnlyList<MilestoneConformance> Milestones,
    IReadOnlyList<LeavingPoint> Left,
    IReadOnlyList<InstanceFitness> Fitness);

/// <summary>One milestone's conformance.</summary>
/// <param name="Id">The milestone's id.</param>
/// <param name="Name">Its name, in the customer's words.</param>
/// <param name="Reached">How many instances reached it.</param>
/// <param name="OutOfOrder">How many reached it before one of its <c>after</c> milestones (required milestones only).</param>
/// <param name="Skipped">How many never reached it while reaching a milestone designed after it (required milestones only).</param>
/// <param name="Repeated">How many instances went back to it after reaching a milestone designed after it.</param>
/// <param name="MedianTime">The nearest-rank median time to reach it, from <paramref name="CountsFrom"/>; null when none reached it.</param>
/// <param name="P90Time">The nearest-rank 90th percentile of that time.</param>
/// <param name="Expected">The designed time (<c>expected_within</c> or <c>expected_after</c>); null when it has none.</param>
/// <param name="CountsFrom"><c>start</c>, or the milestones its <c>expected_after</c> counts from.</param>
/// <param name="OnTimeShare">Of the instances that reached it with a due time, the share that reached it by then; null when none.</param>
public sealed record MilestoneConformance(
    string Id, string Name, int Reached, int OutOfOrder, int Skipped, int Repeated, TimeSpan? MedianTime, TimeSpan? P90Time, TimeSpan? Expected, string CountsFrom, double? OnTimeShare);

/// <summary>How many abandoned instances left while waiting for a milestone.</summary>
/// <param name="MilestoneId">The first required milestone open to them when they left; null when none was open.</param>
/// <param name="Instances">How many.</param>
public sealed record LeavingPoint(string? MilestoneId, int Instances);

/// <summary>One instance's fitness: 1 minus its deviations (out of order and skipped required milestones) over the required milestones.</summary>
/// <param name="Subject">The instance's subject.</param>
/// <param name="Number">The instance's number for that subject.</param>
/// <param name="Fitness">0 to 1.</param>
/// <param name="OutOfOrder">Required milestones reached out of order.</param>
/// <param name="Skipped">Required milestones skipped.</param>
/// <param name="Repeats">Times it went back to a milestone already reached (not part of fitness).</param>
public sealed record InstanceFitness(string Subject, int Number, double Fitness, int OutOfOrder, int Skipped, int Repeats);
