namespace Waymark.Engine.Kernels.Paths;

/// <summary>How a <see cref="DeltaWorker"/> keys a (from, to) pair, inlined into its loop.</summary>
internal interface IPairKeys
{
    /// <summary>The pair's key, below the current key count (which may grow by one).</summary>
    int Key(int from, int to);
}

/// <summary>With few names: the key is <c>from * names + to</c>, a fixed dense space.</summary>
internal readonly struct DirectPairKeys(int names) : IPairKeys
{
    public int Key(int from, int to) => (from * names) + to;
}

/// <summary>With many names: pairs numbered as first seen (see <see cref="PairSlots"/>).</summary>
internal readonly struct SlotPairKeys(PairSlots slots) : IPairKeys
{
    public int Key(int from, int to) => slots.GetOrAdd(from, to);
}
