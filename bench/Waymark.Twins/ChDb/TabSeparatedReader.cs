using System.Text;

namespace Waymark.Twins.ChDb;

/// <summary>
/// Reads ClickHouse's TabSeparated output: rows end in <c>\n</c>, fields are separated by
/// <c>\t</c>, and inside a field <c>\\</c>, <c>\t</c>, <c>\n</c>, <c>\r</c>, <c>\b</c>,
/// <c>\f</c>, <c>\0</c>, <c>\'</c> and <c>\"</c> stand for themselves' characters; a field that
/// is exactly <c>\N</c> is NULL.
/// </summary>
internal static class TabSeparatedReader
{
    /// <summary>The rows of <paramref name="output"/>, read from libchdb's buffer in place.</summary>
    public static List<string?[]> Read(ReadOnlySpan<byte> output)
    {
        var rows = new List<string?[]>();
        var fields = new List<string?>();
        var scratch = new List<byte>();
        while (!output.IsEmpty)
        {
            var end = output.IndexOf((byte)'\n');
            var line = end < 0 ? output : output[..end];
            output = end < 0 ? default : output[(end + 1)..];
            fields.Clear();
            foreach (var range in line.Split((byte)'\t'))
            {
                fields.Add(Field(line[range], scratch));
            }

            rows.Add([.. fields]);
        }

        return rows;
    }

    private static string? Field(ReadOnlySpan<byte> field, List<byte> scratch)
    {
        if (field.SequenceEqual(@"\N"u8))
        {
            return null;
        }

        if (field.IndexOf((byte)'\\') < 0)
        {
            return Encoding.UTF8.GetString(field);
        }

        scratch.Clear();
        for (var i = 0; i < field.Length; i++)
        {
            var b = field[i];
            if (b == (byte)'\\' && i + 1 < field.Length)
            {
                b = Unescape(field[++i]);
            }

            scratch.Add(b);
        }

        return Encoding.UTF8.GetString(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(scratch));
    }

    private static byte Unescape(byte escaped) => escaped switch
    {
        (byte)'t' => (byte)'\t',
        (byte)'n' => (byte)'\n',
        (byte)'r' => (byte)'\r',
        (byte)'b' => (byte)'\b',
        (byte)'f' => (byte)'\f',
        (byte)'0' => 0,
        _ => escaped, // \\, \', \" and anything else: the character itself
    };
}
