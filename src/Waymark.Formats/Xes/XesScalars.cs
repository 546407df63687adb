using System.Globalization;
using Waymark.Core.Model;

namespace Waymark.Formats.Xes;

/// <summary>Parses the text of XES scalar attributes by their declared type (XML Schema lexical forms).</summary>
internal static class XesScalars
{
    /// <summary>
    /// Parses <paramref name="raw"/> as the XES type <paramref name="type"/>: string and id as they are;
    /// int as a 64-bit integer; float as a double (xs:double, including INF, -INF and NaN); boolean
    /// as true/false/1/0 (any case); date as an xs:dateTime (see <see cref="Timestamps.TryParse"/>).
    /// </summary>
    public static bool TryParse(string type, string raw, out XesValue value)
    {
        var text = raw.AsSpan().Trim();
        switch (type)
        {
            case "int" when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer):
                value = XesValue.Integer(raw, integer);
                return true;
            case "float" when TryParseDouble(text, out var number):
                value = XesValue.Float(raw, number);
                return true;
            case "boolean" when TryParseBoolean(text, out var flag):
                value = XesValue.Boolean(raw, flag);
                return true;
            case "date" when Timestamps.TryParse(text, out var time):
                value = XesValue.Timestamp(raw, time);
                return true;
            case "string" or "id":
                value = XesValue.String(raw);
                return true;
            default:
                value = default;
                return false;
        }
    }

    /// <summary>What a value of <paramref name="type"/> must look like, for error messages.</summary>
    public static string Describe(string type) => type switch
    {
        "int" => "a whole number",
        "float" => "a decimal number",
        "boolean" => "true or false",
        "date" => "an xs:dateTime such as 2010-12-30T14:32:00.000+01:00",
        _ => "a value",
    };

    private static bool TryParseDouble(ReadOnlySpan<char> text, out double number)
    {
        switch (text)
        {
            case "INF" or "+INF":
                number = double.PositiveInfinity;
                return true;
            case "-INF":
                number = double.NegativeInfinity;
                return true;
            case "NaN":
                number = double.NaN;
                return true;
            default:
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out number) && double.IsFinite(number);
        }
    }

    private static bool TryParseBoolean(ReadOnlySpan<char> text, out bool flag)
    {
        if (text.Equals("true", StringComparison.OrdinalIgnoreCase) || text.SequenceEqual("1"))
        {
            flag = true;
            return true;
        }

        flag = false;
        return text.Equals("false", StringComparison.OrdinalIgnoreCase) || text.SequenceEqual("0");
    }
}
