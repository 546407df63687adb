using System.Diagnostics;

namespace Waymark.Simulation.Engine;

/// <summary>
/// xoshiro256** seeded through SplitMix64: fast, and the same sequence on every machine.
/// Only IEEE-exact arithmetic is used to turn bits into numbers, so derived values do not
/// depend on the platform's math library. One instance per account, never shared.
/// </summary>
internal struct Rng
{
    private ulong _s0, _s1, _s2, _s3;

    /// <summary>A generator for one stream of the run: (seed, stream) → independent sequence.</summary>
    public Rng(ulong seed, ulong stream)
    {
        var x = seed ^ (stream * 0xD1B54A32D192ED03UL) ^ 0x5851F42D4C957F2DUL;
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    /// <summary>Next 64 random bits.</summary>
    public ulong NextULong()
    {
        var result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer in [0, n), n ≥ 1 (Lemire's multiply-shift, unbiased enough for simulation).</summary>
    public int Next(int n)
    {
        Debug.Assert(n > 0);
        return (int)(((NextULong() >> 32) * (ulong)n) >> 32);
    }

    /// <summary>Uniform integer in [min, max] inclusive.</summary>
    public int Between(int min, int max) => min + Next(max - min + 1);

    /// <summary>Uniform double in [min, max).</summary>
    public double Uniform(double min, double max) => min + ((max - min) * NextDouble());

    /// <summary>True with probability <paramref name="p"/>.</summary>
    public bool Chance(double p) => NextDouble() < p;

    /// <summary>Exponentially distributed with the given mean.</summary>
    public double Exponential(double mean) => -mean * DetMath.Log(1.0 - NextDouble());

    /// <summary>Picks an index by cumulative weights (the last entry must be the total).</summary>
    public int PickWeighted(ReadOnlySpan<double> cumulative)
    {
        var u = NextDouble() * cumulative[^1];
        for (var i = 0; i < cumulative.Length - 1; i++)
        {
            if (u < cumulative[i])
            {
                return i;
            }
        }

        return cumulative.Length - 1;
    }

    /// <summary>Picks one item uniformly.</summary>
    public T Pick<T>(T[] items) => items[Next(items.Length)];

    private static ulong SplitMix(ref ulong x)
    {
        var z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
