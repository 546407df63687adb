using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace Waymark.Engine.Execution;

/// <summary>
/// Asks the processor to start loading an event's time into cache before a kernel reads it. A
/// kernel that reads the times of one name's events through <see cref="SubjectWindows"/> jumps
/// through the time column (one event in fifteen, say) and waits for memory at every read; asking
/// a few dozen events ahead overlaps those waits. A hint only: it never faults and changes no result.
/// </summary>
internal static class Prefetch
{
    /// <summary>How many events ahead kernels ask for.</summary>
    public const int Distance = 32;

    /// <summary>Hints that <c>times[positions[Math.Min(index, positions.Length - 1)]]</c> will be read soon.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Time(long[] times, ReadOnlySpan<int> positions, int index)
    {
        if (Sse.IsSupported && positions.Length > 0)
        {
            var position = positions[Math.Min(index, positions.Length - 1)];
            // The address is taken without pinning: if the array moves, the hint is merely wasted.
            Sse.Prefetch0(Unsafe.AsPointer(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(times), position)));
        }
    }

    /// <summary>Where <paramref name="part"/> starts inside <paramref name="whole"/>, which must contain it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int IndexIn(ReadOnlySpan<int> whole, ReadOnlySpan<int> part) =>
        part.IsEmpty ? 0 : (int)(Unsafe.ByteOffset(ref MemoryMarshal.GetReference(whole), ref MemoryMarshal.GetReference(part)) / sizeof(int));
}
