using System.Globalization;
using System.Text;
using DuckDB.NET.Data;
using Waymark.Core.Conditions;
using Waymark.Engine.Execution;
using Waymark.Engine.Kernels.Funnels;

namespace Waymark.Twins.DuckDb;

/// <summary>
/// The funnel in DuckDB SQL over <c>events</c> / <c>traits</c> (see <see cref="TwinEvents.ToDuckDb"/>),
/// written independently of the engine for ClickHouse's default mode: a subject reaches level
/// <c>k</c> when step events <c>t0 ≤ t1 ≤ … ≤ t(k−1) ≤ t0 + window</c> exist (one event may serve
/// consecutive steps, as in <c>windowFunnel</c>), with per-step limits <c>t(j) ≤ t(j−1) + within</c>.
/// Two formulations: <see cref="ReachedAsof"/> / <see cref="LevelsAsof"/> (an ASOF-join chain that
/// takes, from each first-step event, the earliest next step: DuckDB's fastest), and
/// <see cref="LevelsByJoins"/> / <see cref="TimesByJoins"/> (plain joins over every chain state,
/// the correctness oracle, which also handles per-step limits).
/// </summary>
public static class DuckDbFunnel
{
    /// <summary>Subjects reaching each step, counted in SQL with the ASOF chain (for benchmarks).</summary>
    public static long[] ReachedAsof(DuckDBConnection connection, FunnelQuery query, QueryScope scope)
    {
        ArgumentNullException.ThrowIfNull(query);
        var n = query.Steps.Count;
        var sql = $"""
            {AsofLevels(query, scope)}
            SELECT level, count(*) FROM (SELECT subject, max(level) AS level FROM per_start GROUP BY subject) GROUP BY level
            """;
        var byLevel = new long[n + 1];
        foreach (var (level, count) in Rows(connection, sql, r => (r.GetInt32(0), r.GetInt64(1))))
        {
            byLevel[level] = count;
        }

        var reached = new long[n];
        for (var k = n - 1; k >= 0; k--)
        {
            reached[k] = byLevel[k + 1] + (k + 1 < n ? reached[k + 1] : 0);
        }

        return reached;
    }

    /// <summary>Each subject's level (subjects at level 0 not listed), with the ASOF chain.</summary>
    public static Dictionary<string, int> LevelsAsof(DuckDBConnection connection, FunnelQuery query, QueryScope scope)
    {
        var sql = $"{AsofLevels(query, scope)} SELECT subject, max(level) FROM per_start GROUP BY subject";
        return Rows(connection, sql, r => (r.GetString(0), r.GetInt32(1))).ToDictionary(p => p.Item1, p => p.Item2);
    }

    /// <summary>Each subject's level (subjects at level 0 not listed), with plain joins over chain states.</summary>
    public static Dictionary<string, int> LevelsByJoins(DuckDBConnection connection, FunnelQuery query, QueryScope scope)
    {
        var sql = $"{JoinChains(query, scope)} SELECT subject, max(k) + 1 FROM chains GROUP BY subject";
        return Rows(connection, sql, r => (r.GetString(0), r.GetInt32(1))).ToDictionary(p => p.Item1, p => p.Item2);
    }

    /// <summary>
    /// Each subject's time to convert per step (−1 where not reached): at the earliest time
    /// <c>T</c> any chain reached the step, <c>T</c> minus the latest first-step time of the chains
    /// reaching it at <c>T</c>.
    /// </summary>
    public static Dictionary<string, long[]> TimesByJoins(DuckDBConnection connection, FunnelQuery query, QueryScope scope)
    {
        ArgumentNullException.ThrowIfNull(query);
        var sql = $"""
            {JoinChains(query, scope)},
            firsts AS (SELECT subject, k, min(tk) AS reached FROM chains GROUP BY subject, k)
            SELECT c.subject, c.k, f.reached - max(c.t0) FROM chains c JOIN firsts f ON c.subject = f.subject AND c.k = f.k AND c.tk = f.reached
            GROUP BY c.subject, c.k, f.reached
            """;
        var result = new Dictionary<string, long[]>(StringComparer.Ordinal);
        foreach (var (subject, k, elapsed) in Rows(connection, sql, r => (r.GetString(0), r.GetInt32(1), r.GetInt64(2))))
        {
            if (!result.TryGetValue(subject, out var times))
            {
                result[subject] = times = new long[query.Steps.Count];
                Array.Fill(times, -1);
            }

            times[k] = elapsed;
        }

        return result;
    }

    private static string AsofLevels(FunnelQuery query, QueryScope scope)
    {
        Supported(query, allowWithin: false);
        var n = query.Steps.Count;
        var sql = new StringBuilder(Steps(query, scope));
        sql.Append(CultureInfo.InvariantCulture, $", c0 AS (SELECT subject, ms AS t0 FROM s0)");
        for (var k = 1; k < n; k++)
        {
            sql.Append(CultureInfo.InvariantCulture, $", c{k} AS (SELECT c.*, b.ms AS t{k} FROM c{k - 1} c ASOF LEFT JOIN s{k} b ON c.subject = b.subject AND c.t{k - 1} <= b.ms)");
        }

        sql.Append(CultureInfo.InvariantCulture, $", per_start AS (SELECT subject, 1");
        var reached = "true";
        for (var k = 1; k < n; k++)
        {
            // ASOF matches a NULL key too, so a later step counts only when every earlier one did.
            reached += $" AND t{k} IS NOT NULL";
            sql.Append(CultureInfo.InvariantCulture, $" + coalesce({reached} AND t{k} - t0 <= {query.WindowMs}, false)::INTEGER");
        }

        sql.Append(CultureInfo.InvariantCulture, $" AS level FROM c{n - 1})");
        return sql.ToString();
    }

    private static string JoinChains(FunnelQuery query, QueryScope scope)
    {
        Supported(query, allowWithin: true);
        var n = query.Steps.Count;
        var sql = new StringBuilder(Steps(query, scope));
        sql.Append(", c0 AS (SELECT DISTINCT subject, ms AS t0, ms AS tk FROM s0)");
        for (var k = 1; k < n; k++)
        {
            var within = query.Steps[k].Within is { } w ? $" AND b.ms - c.tk <= {(long)w.TotalMilliseconds}" : string.Empty;
            sql.Append(CultureInfo.InvariantCulture, $", c{k} AS (SELECT DISTINCT c.subject, c.t0, b.ms AS tk FROM c{k - 1} c JOIN s{k} b ON c.subject = b.subject AND b.ms >= c.tk AND b.ms - c.t0 <= {query.WindowMs}{within})");
        }

        sql.Append(", chains AS (");
        for (var k = 0; k < n; k++)
        {
            sql.Append(CultureInfo.InvariantCulture, $"{(k > 0 ? " UNION ALL " : string.Empty)}SELECT subject, {k} AS k, t0, tk FROM c{k}");
        }

        return sql.Append(')').ToString();
    }

    /// <summary>The scope's events (<c>ev</c>) and one relation per step (<c>s0</c>, <c>s1</c>, …).</summary>
    private static string Steps(FunnelQuery query, QueryScope scope)
    {
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
            where.Add($"subject IN (SELECT subject FROM traits WHERE {string.Join(" AND ", scope.Cohort.Filters.Select(f => Filter(f, "traits")))})");
        }

        var sql = new StringBuilder($"WITH ev AS (SELECT subject, ms, name, properties FROM events{(where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : string.Empty)})");
        for (var k = 0; k < query.Steps.Count; k++)
        {
            sql.Append(CultureInfo.InvariantCulture, $", s{k} AS (SELECT subject, ms FROM ev WHERE {Condition(query.Steps[k].Condition)})");
        }

        return sql.ToString();
    }

    /// <summary>An event condition as a SQL predicate over <c>name</c> and <c>properties</c>.</summary>
    public static string Condition(EventCondition condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var parts = new List<string>();
        if (condition.Event is { } name)
        {
            parts.Add($"name = {Quote(name)}");
        }

        parts.AddRange(condition.Where.Select(f => Filter(f, "properties")));
        return parts.Count == 0 ? "true" : string.Join(" AND ", parts);
    }

    /// <summary>
    /// A property filter over a JSON column, with the engine's comparison rules: numbers compare as
    /// numbers when the operand is one, other values by their text; an absent key passes only <c>Missing</c>.
    /// </summary>
    public static string Filter(PropertyFilter filter, string column)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var value = $"json_extract({column}, {Quote("$.\"" + filter.Key + "\"")})";
        var text = $"json_extract_string({column}, {Quote("$.\"" + filter.Key + "\"")})";
        var isNumber = $"json_type({value}) IN ('BIGINT', 'UBIGINT', 'DOUBLE')";
        string Equal(string operand) => double.TryParse(operand, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? $"(CASE WHEN {isNumber} THEN TRY_CAST({text} AS DOUBLE) = {number.ToString("R", CultureInfo.InvariantCulture)} ELSE {text} = {Quote(operand)} END)"
            : $"({text} = {Quote(operand)})";
        var predicate = filter.Comparison switch
        {
            Comparison.Exists => $"{value} IS NOT NULL",
            Comparison.Missing => $"{value} IS NULL",
            Comparison.Equal => Equal(filter.Operands[0]),
            Comparison.NotEqual => $"NOT {Equal(filter.Operands[0])}",
            Comparison.In => "(" + string.Join(" OR ", filter.Operands.Select(Equal)) + ")",
            _ => $"({isNumber} AND TRY_CAST({text} AS DOUBLE) {Operator(filter.Comparison)} {double.Parse(filter.Operands[0], CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture)})",
        };
        return filter.Comparison is Comparison.Exists or Comparison.Missing ? predicate : $"coalesce({value} IS NOT NULL AND {predicate}, false)";
    }

    private static string Operator(Comparison comparison) => comparison switch
    {
        Comparison.GreaterThan => ">",
        Comparison.GreaterThanOrEqual => ">=",
        Comparison.LessThan => "<",
        _ => "<=",
    };

    private static void Supported(FunnelQuery query, bool allowWithin)
    {
        query.Validate();
        if (query.Order != FunnelOrder.Ordered || query.Modes != FunnelModes.None || query.Exclusions.Count > 0
            || query.Steps.Any(s => s.Optional || (!allowWithin && s.Within is not null)))
        {
            throw new NotSupportedException("The DuckDB funnel twin covers ordered funnels in the default mode, without optional or exclusion steps (per-step limits: joins only).");
        }
    }

    private static string Quote(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static List<T> Rows<T>(DuckDBConnection connection, string sql, Func<System.Data.Common.DbDataReader, T> read)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
