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

    private static bool EqualsOperand(PropertyValues values, int code, string operand)
    {
        if (values.Kind(code) == PropertyValueKind.Number && TryNumber(operand, out var number))
        {
            return values.Number(code) == number;
        }

        return string.Equals(values.Text(code), operand, StringComparison.Ordinal);
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
