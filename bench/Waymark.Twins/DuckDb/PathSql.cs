using System.Globalization;
using DuckDB.NET.Data;
using Waymark.Core.Conditions;
using Waymark.Engine.Execution;

namespace Waymark.Twins.DuckDb;

/// <summary>
/// SQL pieces shared by the paths, variants and durations twins: a query scope as a filtered
/// <c>events</c> relation, and event conditions and trait filters as SQL predicates over the JSON
/// columns, with the engine's comparison rules (numbers as numbers when the operand parses as one,
/// otherwise text; an absent key equals nothing).
/// </summary>
public static class PathSql
{
    /// <summary>A <c>SELECT</c> of the events of <paramref name="scope"/>: rows of cohort subjects inside the range.</summary>
    public static string ScopedEvents(QueryScope scope, string columns = "row, subject, ms, name, properties")
    {
        ArgumentNullException.ThrowIfNull(scope);
        var where = new List<string>();
        if (scope.Range.From != long.MinValue)
        {
            where.Add($"ms >= {scope.Range.From}");
        }

        if (scope.Range.To != long.MaxValue)
        {
            where.Add($"ms < {scope.Range.To}");
        }

        if (!scope.Cohort.IsEveryone)
        {
            var filters = string.Join(" AND ", scope.Cohort.Filters.Select(f => Filter("traits", f)));
            where.Add($"subject IN (SELECT subject FROM traits WHERE {filters})");
        }

        return $"SELECT {columns} FROM events" + (where.Count == 0 ? string.Empty : " WHERE " + string.Join(" AND ", where));
    }

    /// <summary>An event condition as a predicate over <c>name</c> and <c>properties</c>.</summary>
    public static string Condition(EventCondition condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var parts = new List<string>();
        if (condition.Event is not null)
        {
            parts.Add($"name = {Text(condition.Event)}");
        }

        parts.AddRange(condition.Where.Select(f => Filter("properties", f)));
        return parts.Count == 0 ? "TRUE" : "(" + string.Join(" AND ", parts) + ")";
    }

    /// <summary>One filter over a top-level key of a JSON column.</summary>
    public static string Filter(string column, PropertyFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var json = $"json_extract({column}, {Text("$.\"" + filter.Key.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"")})";
        return filter.Comparison switch
        {
            Comparison.Exists => $"({json} IS NOT NULL)",
            Comparison.Missing => $"({json} IS NULL)",
            Comparison.Equal => $"coalesce({EqualsOperand(json, filter.Operands[0])}, FALSE)",
            Comparison.NotEqual => $"({json} IS NOT NULL AND NOT coalesce({EqualsOperand(json, filter.Operands[0])}, FALSE))",
            Comparison.In => "(" + string.Join(" OR ", filter.Operands.Select(o => $"coalesce({EqualsOperand(json, o)}, FALSE)")) + ")",
            _ => $"coalesce({Compare(json, filter)}, FALSE)",
        };
    }

    private static string EqualsOperand(string json, string operand)
    {
        var text = $"(json_type({json}) <> 'VARCHAR' AND CAST({json} AS VARCHAR) = {Text(operand)} OR json_type({json}) = 'VARCHAR' AND ({json} ->> '$') = {Text(operand)})";
        if (!double.TryParse(operand, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return text;
        }

        var numeric = $"json_type({json}) IN ('BIGINT', 'UBIGINT', 'DOUBLE')";
        return $"(CASE WHEN {numeric} THEN CAST({json} AS DOUBLE) = {number.ToString("R", CultureInfo.InvariantCulture)} ELSE {text} END)";
    }

    private static string Compare(string json, PropertyFilter filter)
    {
        if (!double.TryParse(filter.Operands[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var bound))
        {
            return "FALSE";
        }

        var op = filter.Comparison switch
        {
            Comparison.GreaterThan => ">",
            Comparison.GreaterThanOrEqual => ">=",
            Comparison.LessThan => "<",
            _ => "<=",
        };
        return $"(json_type({json}) IN ('BIGINT', 'UBIGINT', 'DOUBLE') AND CAST({json} AS DOUBLE) {op} {bound.ToString("R", CultureInfo.InvariantCulture)})";
    }

    /// <summary>A SQL string literal.</summary>
    public static string Text(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>Runs a query and hands each row to <paramref name="read"/>.</summary>
    public static void Read(DuckDBConnection connection, string sql, Action<DuckDBDataReader> read)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(read);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            read(reader);
        }
    }
}
