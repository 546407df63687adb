using System.Globalization;
using System.Text;
using Waymark.Core.Errors;

namespace Waymark.Twins.ChDb;

public sealed partial class ChDbSession
{
    /// <summary>
    /// Runs a query and returns its rows, each field unescaped from ClickHouse's TabSeparated
    /// output; a NULL is a null field.
    /// </summary>
    /// <exception cref="ChDbException">ClickHouse refused or failed the statement.</exception>
    public IReadOnlyList<string?[]> Rows(string sql) => Run(sql, TabSeparated, TabSeparatedReader.Read, out _);

    /// <summary>Runs a query whose result is one row of one integer, such as <c>SELECT count() FROM t</c>.</summary>
    /// <exception cref="ChDbException">ClickHouse refused or failed the statement.</exception>
    /// <exception cref="WaymarkException">The result is not one integer.</exception>
    public long Scalar(string sql) => Scalar<long>(sql);

    /// <summary>
    /// Runs a query whose result is one row of one value and parses it as <typeparamref name="T"/>
    /// (<see cref="long"/>, <see cref="ulong"/>, <see cref="double"/>, …), culture-invariant.
    /// </summary>
    /// <exception cref="ChDbException">ClickHouse refused or failed the statement.</exception>
    /// <exception cref="WaymarkException">The result is not one value of that type.</exception>
    public T Scalar<T>(string sql)
        where T : IUtf8SpanParsable<T>
    {
        var (parsed, value, text) = Run(sql, TabSeparated, static bytes =>
        {
            var field = bytes.EndsWith("\n"u8) ? bytes[..^1] : bytes;
            return field.IndexOfAny("\t\n"u8) < 0 && T.TryParse(field, CultureInfo.InvariantCulture, out var result)
                ? (true, result, null)
                : (false, default(T), Encoding.UTF8.GetString(bytes.Length <= 200 ? bytes : bytes[..200]));
        }, out _);
        return parsed ? value!
            : throw new WaymarkException($"Expected one {typeof(T).Name} from ClickHouse, got \"{text}\" for: {sql}");
    }
}
