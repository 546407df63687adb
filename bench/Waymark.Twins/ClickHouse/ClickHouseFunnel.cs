using System.Globalization;
using System.Text;
using DuckDB.NET.Data;
using Waymark.Core.Conditions;
using Waymark.Engine.Execution;
using Waymark.Engine.Kernels.Funnels;
using Waymark.Twins.ChDb;

namespace Waymark.Twins.ClickHouse;

/// <summary>
/// The funnel as ClickHouse computes it: <c>windowFunnel(window, modes…)(ms, step conditions…)</c>
/// per subject over a MergeTree <c>events(row, subject, ms, ts, name, properties)</c> and
/// <c>traits(subject, traits)</c> loaded by <see cref="Load"/>. Timestamps are UInt64 Unix
/// milliseconds, so windows are in milliseconds (see <see cref="ClickHouseTimestamps"/>).
/// ClickHouse takes at most 32 conditions, and has no optional steps, per-step limits, exclusions
/// or any-order funnels.
/// </summary>
public static class ClickHouseFunnel
{
    /// <summary>Copies the DuckDB twin's <c>events</c> and <c>traits</c> into the session through Parquet files in <paramref name="folder"/>.</summary>
    public static void Load(ChDbSession session, DuckDBConnection duck, string folder)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(duck);
        var events = Path.Combine(folder, "events.parquet");
        var traits = Path.Combine(folder, "traits.parquet");
        using (var copy = duck.CreateCommand())
        {
            copy.CommandText = $"""
                COPY (SELECT row, subject, ms, name, properties::VARCHAR AS properties FROM events) TO '{events}' (FORMAT parquet);
                COPY (SELECT subject, traits::VARCHAR AS traits FROM traits) TO '{traits}' (FORMAT parquet);
                """;
            copy.ExecuteNonQuery();
        }

        session.Execute("DROP TABLE IF EXISTS events");
        session.Execute("DROP TABLE IF EXISTS traits");
        session.Execute($"""
            CREATE TABLE events ENGINE = MergeTree ORDER BY (subject, ms)
            AS SELECT row, subject, ms, name, coalesce(properties, '{"{}"}') AS properties FROM file('{events}', Parquet)
            SETTINGS schema_inference_make_columns_nullable = 0
            """);
        session.Execute($"""
            CREATE TABLE traits ENGINE = MergeTree ORDER BY subject
            AS SELECT subject, coalesce(traits, '{"{}"}') AS traits FROM file('{traits}', Parquet)
            SETTINGS schema_inference_make_columns_nullable = 0
            """);
    }

    /// <summary>Each subject's <c>windowFunnel</c> level (subjects at level 0 not listed).</summary>
    public static Dictionary<string, int> Levels(ChDbSession session, FunnelQuery query, QueryScope scope)
    {
        ArgumentNullException.ThrowIfNull(session);
        var sql = $"SELECT subject, level FROM ({PerSubject(query, scope)}) WHERE level > 0";
        return session.Rows(sql).ToDictionary(r => r[0]!, r => int.Parse(r[1]!, CultureInfo.InvariantCulture), StringComparer.Ordinal);
    }

    /// <summary>Subjects reaching each step, counted in ClickHouse (for benchmarks).</summary>
    public static long[] Reached(ChDbSession session, FunnelQuery query, QueryScope scope)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(query);
        var n = query.Steps.Count;
        var byLevel = new long[n + 1];
        foreach (var row in session.Rows($"SELECT level, count() FROM ({PerSubject(query, scope)}) GROUP BY level"))
        {
            byLevel[int.Parse(row[0]!, CultureInfo.InvariantCulture)] = long.Parse(row[1]!, CultureInfo.InvariantCulture);
        }

        var reached = new long[n];
        for (var k = n - 1; k >= 0; k--)
        {
            reached[k] = byLevel[k + 1] + (k + 1 < n ? reached[k + 1] : 0);
        }

        return reached;
    }

    /// <summary>
    /// <c>SELECT subject, windowFunnel(…) AS level … GROUP BY subject</c> over the scope. Without
    /// <c>strict_order</c>, events that complete no step cannot change a level, so only the steps'
    /// names are read (when every step names one): the fastest honest form.
    /// </summary>
    public static string PerSubject(FunnelQuery query, QueryScope scope)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(scope);
        Supported(query);
        var parameters = new StringBuilder(query.WindowMs.ToString(CultureInfo.InvariantCulture));
        foreach (var (mode, option) in Options)
        {
            if (query.Modes.HasFlag(mode))
            {
                parameters.Append(CultureInfo.InvariantCulture, $", '{option}'");
            }
        }

        var conditions = string.Join(", ", query.Steps.Select(s => Condition(s.Condition)));
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

        if (!query.Modes.HasFlag(FunnelModes.StrictOrder) && query.Steps.All(s => s.Condition.Event is not null))
        {
            where.Add($"name IN ({string.Join(", ", query.Steps.Select(s => Quote(s.Condition.Event!)).Distinct())})");
        }

        var filter = where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : string.Empty;
        return $"SELECT subject, windowFunnel({parameters})(toUInt64(ms), {conditions}) AS level FROM events{filter} GROUP BY subject";
    }

    private static readonly (FunnelModes Mode, string Option)[] Options =
    [
        (FunnelModes.StrictDeduplication, "strict_deduplication"),
        (FunnelModes.StrictOrder, "strict_order"),
        (FunnelModes.StrictIncrease, "strict_increase"),
        (FunnelModes.AllowReentry, "allow_reentry"),
    ];

    /// <summary>An event condition as a ClickHouse predicate over <c>name</c> and <c>properties</c>.</summary>
    public static string Condition(EventCondition condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var parts = new List<string>();
        if (condition.Event is { } name)
        {
            parts.Add($"name = {Quote(name)}");
        }

        parts.AddRange(condition.Where.Select(f => Filter(f, "properties")));
        return parts.Count == 0 ? "1 = 1" : "(" + string.Join(" AND ", parts) + ")";
    }

    /// <summary>A property filter over a JSON text column, with the engine's comparison rules.</summary>
    public static string Filter(PropertyFilter filter, string column)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var key = Quote(filter.Key);
        var has = $"JSONHas({column}, {key})";
        var isNumber = $"JSONType({column}, {key}) IN ('Int64', 'UInt64', 'Double')";
        var text = $"if(JSONType({column}, {key}) = 'String', JSONExtractString({column}, {key}), JSONExtractRaw({column}, {key}))";
        var number = $"JSONExtractFloat({column}, {key})";
        string Equal(string operand) => double.TryParse(operand, NumberStyles.Float, CultureInfo.InvariantCulture, out var n)
            ? $"if({isNumber}, {number} = {n.ToString("R", CultureInfo.InvariantCulture)}, {text} = {Quote(operand)})"
            : $"{text} = {Quote(operand)}";
        return filter.Comparison switch
        {
            Comparison.Exists => has,
            Comparison.Missing => $"NOT {has}",
            Comparison.Equal => $"({has} AND {Equal(filter.Operands[0])})",
            Comparison.NotEqual => $"({has} AND NOT ({Equal(filter.Operands[0])}))",
            Comparison.In => $"({has} AND ({string.Join(" OR ", filter.Operands.Select(Equal))}))",
            _ => $"({has} AND {isNumber} AND {number} {Operator(filter.Comparison)} {double.Parse(filter.Operands[0], CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture)})",
        };
    }

    private static string Operator(Comparison comparison) => comparison switch
    {
        Comparison.GreaterThan => ">",
        Comparison.GreaterThanOrEqual => ">=",
        Comparison.LessThan => "<",
        _ => "<=",
    };

    private static void Supported(FunnelQuery query)
    {
        query.Validate();
        if (query.Steps.Count > 32 || query.Order != FunnelOrder.Ordered || query.Exclusions.Count > 0
            || query.Steps.Any(s => s.Optional || s.Within is not null))
        {
            throw new NotSupportedException("ClickHouse's windowFunnel takes up to 32 ordered steps, without optional or exclusion steps or per-step limits.");
        }
    }

    private static string Quote(string text) => "'" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";
}
