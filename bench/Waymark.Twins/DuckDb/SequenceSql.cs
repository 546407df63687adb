using DuckDB.NET.Data;
using Waymark.Engine.Kernels.Sequences;
using Waymark.Engine.Snapshot;

namespace Waymark.Twins.DuckDb;

/// <summary>One subject's sequence answer from a twin.</summary>
public readonly record struct TwinSequenceRow(string Subject, bool Matched, long Count);

/// <summary>A twin's sequence answer: subjects with any event in the range, and the rows of those with a match or a count.</summary>
public sealed record TwinSequenceResult(long SubjectsConsidered, IReadOnlyList<TwinSequenceRow> Rows);

/// <summary>
/// <c>sequenceMatch</c>/<c>sequenceCount</c> in DuckDB SQL, for the patterns a regular expression
/// can say exactly: each subject's condition-matching events become a string of one letter per
/// event (in time, then row order), and the pattern a regular expression over it with lazy stars
/// (<c>.*?</c>), which RE2 explores in the same order as ClickHouse's backtracking;
/// <c>regexp_extract_all</c> then finds the same non-overlapping matches.
/// </summary>
/// <remarks>
/// Does not apply (throws <see cref="NotSupportedException"/>) to patterns with time elements
/// (no regular expression measures time), to patterns that can match no event at all (RE2 also
/// counts an empty match at the end of the string, ClickHouse does not), and to conditions other
/// than distinct event names (an event must be one letter).
/// </remarks>
public static class SequenceSql
{
    private const string Letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef";

    /// <summary>Runs the query against the <c>events</c> table.</summary>
    public static TwinSequenceResult Run(DuckDBConnection connection, SequenceQuery query, TimeRange range)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(query);
        var regex = Regex(query);
        var cases = string.Join(" ", query.Conditions.Select((c, i) => $"WHEN {TwinSql.NameTest(c)} THEN '{Letters[i]}'"));
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            WITH coded AS (
                SELECT subject, ms, row, CASE {cases} END AS letter
                FROM events WHERE {TwinSql.RangeTest(range)}),
            strings AS (
                SELECT subject, coalesce(string_agg(letter, '' ORDER BY ms, row) FILTER (WHERE letter IS NOT NULL), '') AS s
                FROM coded GROUP BY subject)
            SELECT subject::VARCHAR, regexp_matches(s, {TwinSql.Literal(regex)}) AS m, len(regexp_extract_all(s, {TwinSql.Literal(regex)})) AS c
            FROM strings
            """;
        using var reader = command.ExecuteReader();
        var rows = new List<TwinSequenceRow>();
        long considered = 0;
        while (reader.Read())
        {
            considered++;
            var row = new TwinSequenceRow(reader.GetString(0), reader.GetBoolean(1), reader.GetInt64(2));
            if (row.Matched || row.Count > 0)
            {
                rows.Add(row);
            }
        }

        rows.Sort((a, b) => string.CompareOrdinal(a.Subject, b.Subject));
        return new TwinSequenceResult(considered, rows);
    }

    /// <summary>The regular expression for a pattern, or <see cref="NotSupportedException"/> where none is exact.</summary>
    public static string Regex(SequenceQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var condition in query.Conditions)
        {
            if (!names.Add(TwinSql.NameTest(condition)))
            {
                throw new NotSupportedException("The DuckDB sequence twin needs distinct event names as conditions.");
            }
        }

        var regex = new System.Text.StringBuilder();
        var consumes = false;
        foreach (var step in query.Pattern.Steps)
        {
            switch (step.Kind)
            {
                case SequenceStepKind.Condition:
                    regex.Append(Letters[step.Condition - 1]);
                    consumes = true;
                    break;
                case SequenceStepKind.AnyEvent:
                    regex.Append('.');
                    consumes = true;
                    break;
                case SequenceStepKind.AnyEvents:
                    regex.Append(".*?");
                    break;
                default:
                    throw new NotSupportedException($"The DuckDB sequence twin has no time elements; got '{step}' in '{query.Pattern}'.");
            }
        }

        return consumes ? regex.ToString()
            : throw new NotSupportedException($"The DuckDB sequence twin needs a pattern that consumes an event; got '{query.Pattern}'.");
    }
}
