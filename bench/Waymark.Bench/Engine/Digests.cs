using System.Globalization;
using Waymark.Engine.Kernels.Durations;
using Waymark.Engine.Kernels.Frequency;
using Waymark.Engine.Kernels.Funnels;
using Waymark.Engine.Kernels.Paths;
using Waymark.Engine.Kernels.Retention;
using Waymark.Engine.Kernels.Sequences;
using Waymark.Engine.Kernels.Variants;
using Waymark.Twins.DuckDb;

namespace Waymark.Bench.Engine;

/// <summary>
/// Each result reduced to a text that the engine and its twins must give alike: counts exactly,
/// times in whole milliseconds (doubles rounded to 0.001 ms, as the twins compute them in floating point).
/// </summary>
internal static class Digests
{
    public static string Funnel(FunnelResult result) => string.Join(",", result.Steps.Select(s => s.Reached));

    public static string Graph(PathGraph graph) => FormattableString.Invariant($"{graph.Subjects}/{graph.Events}/{graph.Edges.Count}:") + string.Join(";", graph.Edges
            .OrderBy(e => e.From, StringComparer.Ordinal).ThenBy(e => e.To, StringComparer.Ordinal)
            .Select(e => $"{e.From}>{e.To}={e.Count}{Times(e.Times)}"));

    public static string VariantDigest(VariantSet set) => FormattableString.Invariant($"{set.Subjects}/{set.Distinct}:") + string.Join(";", set.Top.Select(v => $"{v.Count}@{Ms(v.MedianDuration)}#{v.Names.Count}"));

    public static string Flow(PathFlow flow) => FormattableString.Invariant($"{flow.Paths}:") + string.Join(";", flow.Nodes.Select(n => $"{n.Step}{n.Name}={n.Count}")) + "|" + string.Join(";", flow.Links.Select(l => $"{l.Source}>{l.Target}={l.Count}"))
        + "|" + string.Join(";", flow.Top.Select(p => $"{string.Join(">", p.Names)}={p.Count}"));

    public static string Duration(DurationResult result) => FormattableString.Invariant($"{result.Started}/{result.Completed}:{Ms(result.Times?.Median)}/{Ms(result.Times?.P90)}");

    public static string Retention(RetentionResult result) => string.Join(";", result.Overall.Select(c => $"{c.Size}/{c.Returned}"));

    public static string Frequency(FrequencyResult result) => FormattableString.Invariant($"{result.Periods.Count}:{result.Overall.Subjects}/{result.Overall.Events}:{string.Join(",", result.Overall.SubjectsByCount)}");

    public static string Repeat(RepeatResult result) => FormattableString.Invariant($"{result.Subjects}/{result.Repeating}:{result.Gaps.Count}:{result.Gaps.MedianMs}/{result.Gaps.P90Ms}");

    public static string SequenceDigest(SequenceResult result) => $"{result.SubjectsConsidered}/{result.SubjectsMatched}/{result.TotalCount}";

    public static string SequenceDigest(TwinSequenceResult result) =>
        $"{result.SubjectsConsidered}/{result.Rows.Count(r => r.Matched)}/{result.Rows.Sum(r => r.Count)}";

    private static string Times(EdgeTimes? times) => times is null ? "" : $"~{Ms(times.Median)}/{Ms(times.P90)}/{Ms(times.Mean)}";

    private static string Ms(double? value) => value is { } v ? Math.Round(v, 3).ToString("R", CultureInfo.InvariantCulture) : "-";
}
