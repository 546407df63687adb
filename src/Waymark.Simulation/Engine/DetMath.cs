namespace Waymark.Simulation.Engine;

/// <summary>
/// A natural logarithm from IEEE-exact operations only, so that the same bits give the same
/// result on every machine (the platform's <see cref="Math.Log(double)"/> may differ in the
/// last bit between C runtimes, which would break byte-identical output).
/// </summary>
internal static class DetMath
{
    private const double Ln2 = 0.6931471805599453;
    private const double Sqrt2 = 1.4142135623730951;

    /// <summary>ln(x) for finite x &gt; 0; accurate to about 1e-15 relative.</summary>
    public static double Log(double x)
    {
        if (x <= 0)
        {
            return double.NegativeInfinity;
        }

        var bits = BitConverter.DoubleToInt64Bits(x);
        var exponent = (int)((bits >> 52) & 0x7FF) - 1023;
        var mantissa = BitConverter.Int64BitsToDouble((bits & 0x000FFFFFFFFFFFFFL) | 0x3FF0000000000000L);
        if (exponent == -1023)
        {
            // Subnormal: scale up first.
            return Log(x * 4503599627370496.0) - (52 * Ln2);
        }

        if (mantissa > Sqrt2)
        {
            mantissa *= 0.5;
            exponent++;
        }

        // ln(m) = 2 atanh(z), z = (m - 1) / (m + 1), |z| ≤ 0.172.
        var z = (mantissa - 1.0) / (mantissa + 1.0);
        var z2 = z * z;
        var term = z;
        var sum = 0.0;
        for (var k = 1; k <= 27; k += 2)
        {
            sum += term / k;
            term *= z2;
        }

        return (2.0 * sum) + (exponent * Ln2);
    }
}
