using System.Globalization;
using Waymark.Core.Conditions;
using Waymark.Engine.Properties;

namespace Waymark.Engine.Filters;

/// <summary>
/// A <see cref="PropertyFilter"/> decided once per distinct value: <c>Passes[code]</c> says
/// whether a value code passes (code 0 being "absent"), so a kernel tests an event with one
/// array read instead of comparing values.
/// </summary>
internal static class ValueTable
{
    public static bool[] Compile(PropertyFilter filter, PropertyValues values)
    {
        var passes = new bool[values.Count];
        for (var code = 0; code < passes.Length; code++)
        {
            passes[code] = Passes(filter, values, code);
        }

        return passes;
    }

    internal static bool Passes(PropertyFilter filter, PropertyValues values, int code)
    {
        if (code == 0)
        {
            return filter.Comparison == Comparison.Missing;
        }

        return filter.Comparison switch
        {
            Comparison.Exists => true,
            Comparison.Missing => false,
            Comparison.Equal => EqualsOperand(values, code, filter.Operands[0]),
            Comparison.NotEqual => !EqualsOperand(values, code, filter.Operands[0]),
            Comparison.In => filter.Operands.Any(o => EqualsOperand(values, code, o)),
            _ => Compares(filter.Comparison, values, code, filter.Operands[0]),
        };
    }

    /// <summary>A value equals an operand as a number, as text, or, for a JSON list, when one of its items does.</summary>
    private static bool EqualsOperand(PropertyValues values, int code, string operand)
    {
        if (values.Kind(code) == PropertyValueKind.Composite && values.Json(code).AsSpan().TrimStart().StartsWith("["))
        {
            return ListContains(values.Json(code), operand);
        }

        if (values.Kind(code) == PropertyValueKind.Number && TryNumber(operand, out var number))
        {
            return values.Number(code) == number;
        }

        return string.Equals(values.Text(code), operand, StringComparison.Ordinal);
    }

    private static bool ListContains(string json, string operand)
    {
        using var document = System.Text.Json.JsonDocument.Parse(json);
        foreach (var item in document.RootElement.EnumerateArray())
        {
            var matches = item.ValueKind switch
            {
                System.Text.Json.JsonValueKind.Number => TryNumber(operand, out var number) && item.GetDouble() == number,
                System.Text.Json.JsonValueKind.String => string.Equals(item.GetString(), operand, StringComparison.Ordinal),
                System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False or System.Text.Json.JsonValueKind.Null => string.Equals(item.GetRawText(), operand, StringComparison.Ordinal),
                _ => false,
            };
            if (matches)
            {
                return true;
            }
        }

        return false;
    }

    private static bool Compares(Comparison comparison, PropertyValues values, int code, string operand)
    {
        if (values.Kind(code) != PropertyValueKind.Number || !TryNumber(operand, out var bound))
        {
            return false;
        }

        var value = values.Number(code);
        return comparison switch
        {
            Comparison.GreaterThan => value > bound,
            Comparison.GreaterThanOrEqual => value >= bound,
            Comparison.LessThan => value < bound,
            _ => value <= bound,
        };
    }

    private static bool TryNumber(string text, out double number) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out number);
}
