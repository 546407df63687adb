using System.Data.Common;
using DuckDB.NET.Data;

namespace Waymark.Storage.DuckDb.Journeys;

/// <summary>Reads journey rows: times come back from DuckDB unspecified and are UTC by the store's rule.</summary>
internal static class Rows
{
    public static DateTime Time(DbDataReader reader, int i) => DateTime.SpecifyKind(reader.GetDateTime(i), DateTimeKind.Utc);

    public static DateTime? TimeOrNull(DbDataReader reader, int i) => reader.IsDBNull(i) ? null : Time(reader, i);

    public static string? TextOrNull(DbDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetString(i);

    /// <summary>Runs a query with named parameters (<c>$name</c>) and reads each row.</summary>
    public static List<T> Query<T>(DuckDBConnection connection, string sql, Func<DbDataReader, T> read, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(new DuckDBParameter(name, value));
        }

        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    /// <summary>Runs a statement with named parameters and returns the rows it changed.</summary>
    public static int Execute(DuckDBConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(new DuckDBParameter(name, value));
        }

        return command.ExecuteNonQuery();
    }
}
