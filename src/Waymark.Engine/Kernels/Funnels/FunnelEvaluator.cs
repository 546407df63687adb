using Waymark.Engine.Snapshot;

namespace Waymark.Engine.Kernels.Funnels;

/// <summary>
/// One variant of the funnel algorithm, run on one subject's events at a time. An instance
/// belongs to one partition's work and keeps its scratch buffers across subjects, so evaluating
/// allocates nothing per event or subject.
/// </summary>
internal abstract class FunnelEvaluator
{
    protected FunnelEvaluator(CompiledFunnel funnel, EventLogPartition partition, int partitionIndex)
    {
        Funnel = funnel;
        Partition = partition;
        PartitionIndex = partitionIndex;
        Outcome = new SubjectOutcome(funnel.StepCount);
    }

    protected CompiledFunnel Funnel { get; }

    protected EventLogPartition Partition { get; }

    protected int PartitionIndex { get; }

    /// <summary>What the last <see cref="Evaluate"/> found.</summary>
    public SubjectOutcome Outcome { get; }

    /// <summary>
    /// Evaluates the subject whose events in scope are positions <paramref name="start"/> to
    /// <paramref name="end"/> (excluded). <paramref name="cap"/> is a level the subject cannot pass
    /// (a later step's name is missing from its events): evaluation may stop once it is reached.
    /// </summary>
    public abstract void Evaluate(int start, int end, int cap);
}

/// <summary>A subject's funnel outcome, overwritten by every evaluation.</summary>
internal sealed class SubjectOutcome(int steps)
{
    /// <summary>The level: how many steps the subject got through (its deepest step's index + 1); 0 when none.</summary>
    public int Level;

    /// <summary>True when an exclusion broke the chain kept for the deepest step: the subject counts nowhere.</summary>
    public bool Excluded;

    /// <summary>Per step, the time from the first step to the moment the step was first reached; −1 when never.</summary>
    public readonly long[] TimeToConvert = new long[steps];

    /// <summary>The position of the first-step event of the chain that first reached the deepest step; −1 when unknown.</summary>
    public int StartPosition;

    /// <summary>Sets the outcome of a subject that reached only step 0, at <paramref name="startPosition"/>.</summary>
    public void SetFirstStepOnly(int startPosition)
    {
        Reset();
        Level = 1;
        TimeToConvert[0] = 0;
        StartPosition = startPosition;
    }

    public void Reset()
    {
        Level = 0;
        Excluded = false;
        StartPosition = -1;
        Array.Fill(TimeToConvert, -1);
    }
}
