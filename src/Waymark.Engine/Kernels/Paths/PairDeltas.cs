namespace Waymark.Engine.Kernels.Paths;

/// <summary>
/// One partition's directly-follows deltas grouped by pair (a counting sort): pair slot
/// <c>s</c> (numbered for this partition only, <see cref="Keys"/> gives its names) holds
/// <c>Deltas[Starts[s]..Starts[s + 1]]</c>, in a buffer all partitions share. Deltas are kept in 32 bits: one of
/// <see cref="uint.MaxValue"/> ms (49.7 days) or more is stored as <see cref="uint.MaxValue"/>
/// and its exact value in <see cref="Wide"/>, grouped by slot the same way through <see cref="WideStarts"/>.
/// </summary>
internal sealed class PairDeltas
{
    public PairDeltas(long[] keys, int[] starts, uint[] deltas, int[] wideStarts, long[] wide)
    {
        Keys = keys;
        Starts = starts;
        Deltas = deltas;
        WideStarts = wideStarts;
        Wide = wide;
    }

    /// <summary>Per slot, <c>from * names + to</c>.</summary>
    public long[] Keys { get; }

    /// <summary>Per slot, where its deltas start in <see cref="Deltas"/>; one more entry for the end.</summary>
    public int[] Starts { get; }

    /// <summary>The deltas, by slot; <see cref="uint.MaxValue"/> stands for a value in <see cref="Wide"/>.</summary>
    public uint[] Deltas { get; }

    /// <summary>Per slot, where its wide deltas start (one more entry for the end); empty when there are none.</summary>
    public int[] WideStarts { get; }

    /// <summary>The deltas of <see cref="uint.MaxValue"/> ms or more, by slot.</summary>
    public long[] Wide { get; }

    /// <summary>A slot's deltas.</summary>
    public ReadOnlySpan<uint> Of(int slot) => Deltas.AsSpan(Starts[slot], Starts[slot + 1] - Starts[slot]);

    /// <summary>A slot's wide deltas (exact values of its <see cref="uint.MaxValue"/> entries).</summary>
    public ReadOnlySpan<long> WideOf(int slot) => WideStarts.Length == 0 ? default
        : Wide.AsSpan(WideStarts[slot], WideStarts[slot + 1] - WideStarts[slot]);
}
