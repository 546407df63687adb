using System.Globalization;
using System.Text;
using Waymark.Engine.Kernels.Sequences;
using Waymark.Engine.Snapshot;
using Waymark.Twins.ChDb;
using Waymark.Twins.DuckDb;

namespace Waymark.Twins.ClickHouse;

/// <summary>
/// ClickHouse's own <c>sequenceMatch</c> and <c>sequenceCount</c> per subject on the
/// <c>events</c> table (see <see cref="ClickHouseEvents"/>). Times go in as UInt64 milliseconds
/// (ClickHouse refuses DateTime64), so every <c>(?t op N)</c> is rewritten to N × 1000.
/// </summary>
public static class SequenceClickHouse
{
    /// <summary>Runs the query.</summary>
    /// <param name="session">The session holding <c>events</c>.</param>
    /// <param name="query">Conditions must be event names only.</param>
    /// <param name="range">The time range.</param>
    /// <param name="rowOrderForTies">
    /// Feed each subject's events in (ms, row) order on one thread, so that ClickHouse (whose sort
    /// of a subject's events by time leaves ties in input order in practice, though it promises no
    /// order) sees ties in the engine's order. Off for benchmarks, where it costs a sort.
    /// </param>
    public static TwinSequenceResult Run(ChDbSession session, SequenceQuery query, TimeRange range, bool rowOrderForTies = true)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(query);
        var pattern = TwinSql.Literal(Milliseconds(query.Pattern));
        var arguments = "toUInt64(ms), " + string.Join(", ", query.Conditions.Select(c => TwinSql.NameTest(c)));
        var source = rowOrderForTies
            ? $"(SELECT subject, ms, name FROM events WHERE {TwinSql.RangeTest(range)} ORDER BY subject, ms, row)"
            : $"(SELECT subject, ms, name FROM events WHERE {TwinSql.RangeTest(range)})";
        var rows = session.Rows($"""
            SELECT subject, sequenceMatch({pattern})({arguments}) AS m, sequenceCount({pattern})({arguments}) AS c
            FROM {source} GROUP BY subject
            {(rowOrderForTies ? "SETTINGS max_threads = 1" : "")}
            """);
        var result = new List<TwinSequenceRow>();
        foreach (var row in rows)
        {
            var matched = row[1] == "1";
            var count = long.Parse(row[2]!, CultureInfo.InvariantCulture);
            if (matched || count > 0)
            {
                result.Add(new TwinSequenceRow(row[0]!, matched, count));
            }
        }

        result.Sort((a, b) => string.CompareOrdinal(a.Subject, b.Subject));
        return new TwinSequenceResult(rows.Count, result);
    }

    /// <summary>The pattern with its time elements in milliseconds.</summary>
    public static string Milliseconds(SequencePattern pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var text = new StringBuilder();
        foreach (var step in pattern.Steps)
        {
            text.Append(step.IsTime ? (step with { Seconds = step.Seconds * 1000 }).ToString() : step.ToString());
        }

        return text.ToString();
    }
}
