using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Waymark.Engine.Execution;

/// <summary>
/// Finds the events whose name code is one of a set, for kernels that care about a few names of
/// many: with up to <see cref="MaxVectorCodes"/> codes, eight names are compared at a time and
/// only the positions of hits are written; with more, one table lookup per event decides, written
/// without a branch. Either way a kernel's per-event work runs only for the events that can matter.
/// </summary>
internal sealed class NameScan
{
    /// <summary>How many name codes are compared by vector; above it a table decides.</summary>
    public const int MaxVectorCodes = 6;

    private readonly int[] _codes;
    private readonly byte[] _relevant;

    /// <summary>A scan for the name codes whose entry in <paramref name="byName"/> is not zero.</summary>
    public NameScan(ReadOnlySpan<uint> byName)
    {
        _relevant = new byte[byName.Length];
        var codes = new List<int>();
        for (var code = 0; code < byName.Length; code++)
        {
            if (byName[code] != 0)
            {
                _relevant[code] = 1;
                codes.Add(code);
            }
        }

        _codes = [.. codes];
    }

    /// <summary>True when no name can match: no event needs to be read.</summary>
    public bool IsEmpty => _codes.Length == 0;

    /// <summary>
    /// Writes, in ascending order, the positions in [<paramref name="from"/>, <paramref name="to"/>)
    /// of <paramref name="names"/> whose code is in the set, and returns how many it wrote.
    /// <paramref name="positions"/> must hold at least <c>to - from</c> entries.
    /// </summary>
    public int Scan(ReadOnlySpan<int> names, int from, int to, Span<int> positions)
    {
        Debug.Assert(from >= 0 && from <= to && to <= names.Length && to - from <= positions.Length);
        if (Vector256.IsHardwareAccelerated && _codes.Length <= MaxVectorCodes)
        {
            return ScanVector(names, from, to, positions);
        }

        return ScanTable(names, from, to, positions, 0);
    }

    private int ScanVector(ReadOnlySpan<int> names, int from, int to, Span<int> positions)
    {
        Span<Vector256<int>> codes = stackalloc Vector256<int>[MaxVectorCodes];
        for (var k = 0; k < MaxVectorCodes; k++)
        {
            // Unused slots repeat the first code (or hold -1, which no name has): they change nothing.
            codes[k] = Vector256.Create(_codes.Length == 0 ? -1 : _codes[Math.Min(k, _codes.Length - 1)]);
        }

        ref var name = ref MemoryMarshal.GetReference(names);
        ref var output = ref MemoryMarshal.GetReference(positions);
        var count = 0;
        var i = from;
        var used = Math.Max(1, _codes.Length);
        for (; i <= to - Vector256<int>.Count; i += Vector256<int>.Count)
        {
            var block = Vector256.LoadUnsafe(ref name, (nuint)i);
            var hits = Vector256.Equals(block, codes[0]);
            for (var k = 1; k < used; k++)
            {
                hits |= Vector256.Equals(block, codes[k]);
            }

            for (var bits = hits.ExtractMostSignificantBits(); bits != 0; bits &= bits - 1)
            {
                Unsafe.Add(ref output, count++) = i + BitOperations.TrailingZeroCount(bits);
            }
        }

        return ScanTable(names, i, to, positions, count);
    }

    private int ScanTable(ReadOnlySpan<int> names, int from, int to, Span<int> positions, int count)
    {
        ref var name = ref MemoryMarshal.GetReference(names);
        ref var output = ref MemoryMarshal.GetReference(positions);
        var relevant = _relevant;
        for (var i = from; i < to; i++)
        {
            // Always written, kept only when relevant: no branch to mispredict on frequent names.
            Unsafe.Add(ref output, count) = i;
            count += relevant[Unsafe.Add(ref name, i)];
        }

        return count;
    }
}
