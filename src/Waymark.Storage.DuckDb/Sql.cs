using DuckDB.NET.Data;

namespace Waymark.Storage.DuckDb;

/// <summary>Runs statements that return nothing.</summary>
internal static class Sql
{
    /// <summary>Runs one or more statements on the connection, in its current transaction if any.</summary>
    public static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
