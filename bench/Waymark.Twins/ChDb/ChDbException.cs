using System.Text.RegularExpressions;
using Waymark.Core.Errors;

namespace Waymark.Twins.ChDb;

/// <summary>ClickHouse refused or failed a statement; carries its own error text and the SQL.</summary>
public sealed partial class ChDbException : WaymarkException
{
    private const int SqlShownInMessage = 2_000;

    /// <summary>Creates the error from ClickHouse's message and the statement that caused it.</summary>
    public ChDbException(string clickHouseMessage, string sql)
        : base($"{clickHouseMessage}{Environment.NewLine}SQL: {Shorten(sql)}")
    {
        ClickHouseMessage = clickHouseMessage;
        Sql = sql;
        var code = CodePattern().Match(clickHouseMessage);
        Code = code.Success ? int.Parse(code.Groups[1].ValueSpan) : null;
    }

    /// <summary>ClickHouse's error text as it gave it, such as <c>Code: 62. DB::Exception: Syntax error: …</c>.</summary>
    public string ClickHouseMessage { get; }

    /// <summary>ClickHouse's error code (62 is <c>SYNTAX_ERROR</c>), when its message starts with one.</summary>
    public int? Code { get; }

    /// <summary>The statement, whole.</summary>
    public string Sql { get; }

    private static string Shorten(string sql) =>
        sql.Length <= SqlShownInMessage ? sql : string.Concat(sql.AsSpan(0, SqlShownInMessage), "…");

    [GeneratedRegex(@"^Code: (\d+)\.")]
    private static partial Regex CodePattern();
}
