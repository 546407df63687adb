namespace Waymark.Engine.Kernels.Funnels;

/// <summary>
/// What one partition's subjects add to a funnel: per breakdown value and step, how many reached
/// it; per step, each subject's time to convert (tagged with its breakdown value); optionally who
/// dropped off where and every subject's level.
/// </summary>
internal sealed class FunnelTally
{
    private readonly int _steps;
    private readonly bool _tagValues;
    private readonly int[]? _levels;

    public FunnelTally(int steps, int values, bool dropOffs, int[]? levels)
    {
        _steps = steps;
        _tagValues = values > 1;
        _levels = levels;
        Reached = new long[values * steps];
        Times = new GrowBuffer<long>[steps];
        TimeValues = new GrowBuffer<int>[steps];
        for (var k = 1; k < steps; k++)
        {
            Times[k] = new GrowBuffer<long>();
            TimeValues[k] = new GrowBuffer<int>();
        }

        if (dropOffs)
        {
            DropOffs = new GrowBuffer<int>[steps];
            DropOffValues = new GrowBuffer<int>[steps];
            for (var k = 1; k < steps; k++)
            {
                DropOffs[k] = new GrowBuffer<int>();
                DropOffValues[k] = new GrowBuffer<int>();
            }
        }
    }

    /// <summary>Subjects reaching each step, at <c>[value · steps + step]</c>.</summary>
    public long[] Reached { get; }

    public long Excluded { get; private set; }

    /// <summary>Per step from 1, the times to convert of the subjects that reached it.</summary>
    public GrowBuffer<long>[] Times { get; }

    /// <summary>Per step from 1, the breakdown value of each time (empty without a breakdown).</summary>
    public GrowBuffer<int>[] TimeValues { get; }

    /// <summary>Per step from 1, the subject codes whose deepest step is the one before (on request).</summary>
    public GrowBuffer<int>[]? DropOffs { get; }

    public GrowBuffer<int>[]? DropOffValues { get; }

    public void Add(int subject, int value, SubjectOutcome outcome)
    {
        if (outcome.Level == 0)
        {
            return;
        }

        if (outcome.Excluded)
        {
            Excluded++;
            SetLevel(subject, -1);
            return;
        }

        SetLevel(subject, outcome.Level);
        var row = value * _steps;
        var times = outcome.TimeToConvert;
        Reached[row]++;
        for (var k = 1; k < _steps; k++)
        {
            if (times[k] >= 0)
            {
                Reached[row + k]++;
                Times[k].Add(times[k]);
                if (_tagValues)
                {
                    TimeValues[k].Add(value);
                }
            }
        }

        DropOff(subject, value, outcome.Level);
    }

    /// <summary>A subject known, without looking at its events, to have reached step 0 and no further.</summary>
    public void AddFirstStepOnly(int subject, int value)
    {
        SetLevel(subject, 1);
        Reached[value * _steps]++;
        DropOff(subject, value, 1);
    }

    private void DropOff(int subject, int value, int level)
    {
        if (DropOffs is not null && level < _steps)
        {
            DropOffs[level].Add(subject);
            DropOffValues![level].Add(value);
        }
    }

    private void SetLevel(int subject, int level)
    {
        if (_levels is not null)
        {
            _levels[subject] = level;
        }
    }
}
