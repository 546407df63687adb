using DuckDB.NET.Data;
using Waymark.Engine.Kernels.Variants;

namespace Waymark.Twins.DuckDb;

/// <summary>
/// Trace variants in DuckDB SQL: each subject's names as <c>list_sort(list({ms, row, name}))</c>
/// (DuckDB's fastest formulation), grouped by the name list, ordered by count then the list.
/// </summary>
public static class VariantsSql
{
    public static VariantSet Run(DuckDBConnection connection, VariantsQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var scoped = PathSql.ScopedEvents(query.Scope, "row, subject, ms, name");
        var top = new List<Variant>();

        // Ties sort on the names' text: in the bench's table names are an ENUM, which sorts by its codes.
        long subjects = 0, distinct = 0;
        PathSql.Read(connection, $"""
            WITH traces AS (
                SELECT list_transform(list_sort(list({"{"}'ms': ms, 'row': row, 'name': name{"}"})), x -> x.name) AS names,
                       max(ms) - min(ms) AS duration
                FROM ({scoped}) GROUP BY subject),
            variants AS (SELECT names, count(*) AS n, quantile_cont(duration, 0.5) AS median FROM traces GROUP BY names)
            SELECT names, n, median, (sum(n) OVER ())::BIGINT, count(*) OVER () FROM variants
            ORDER BY n DESC, names::VARCHAR[]
            LIMIT {query.Top}
            """, r =>
        {
            var names = r.GetFieldValue<List<string>>(0);
            subjects = r.GetInt64(3);
            distinct = r.GetInt64(4);
            top.Add(new Variant(names, r.GetInt64(1), (double)r.GetInt64(1) / subjects, r.GetDouble(2)));
        });
        return new VariantSet(subjects, distinct, top);
    }
}
