using Waymark.Engine.Execution;
using Waymark.Engine.Filters;
using Waymark.Engine.Kernels.Periods;
using Waymark.Engine.Kernels.Sequences;
using Waymark.Engine.Snapshot;

namespace Waymark.Engine.Kernels.Retention;

/// <summary>
/// Builds a retention triangle (see <see cref="RetentionResult"/>) for a <see cref="RetentionQuery"/>
/// over a scope. Only events inside the scope's time range count, as if the others were absent:
/// a subject's "first" start event is its first one inside the range. Only the start and return
/// events are read (<see cref="SubjectWindows"/>), and of those one per period: period boundaries
/// are worked out once and the rest of a period is skipped by a galloping search.
/// </summary>
public static class RetentionKernel
{
    /// <summary>Runs the query over the subjects and events of <paramref name="scope"/>.</summary>
    public static RetentionResult Run(EventLog log, RetentionQuery query, QueryScope scope)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(scope);
        var (first, last) = ObservedSpan.Of(log, scope.Range);
        var calendar = PeriodCalendar.Covering(query.Unit, query.WeekStart, first, last);
        var cohort = SubjectMask.Compile(log, scope.Cohort);
        var conditions = new ConditionMasks(log, [query.Start, query.Return]);
        var partials = PartitionRunner.Run(log, (index, partition) =>
            new PartitionWork(calendar, query, conditions, cohort, scope.Range).Run(index, partition));
        return Merge(query, calendar, partials);
    }

    private static RetentionResult Merge(RetentionQuery query, PeriodCalendar calendar, PartitionWork[] partials)
    {
        var width = query.Periods + 1;
        var sizes = new long[calendar.Count];
        var returned = new long[calendar.Count * width];
        foreach (var partial in partials)
        {
            for (var c = 0; c < sizes.Length; c++)
            {
                sizes[c] += partial.Sizes[c];
            }

            for (var i = 0; i < returned.Length; i++)
            {
                returned[i] += partial.Returned[i];
            }
        }

        var firstCohort = Array.FindIndex(sizes, size => size > 0);
        var cohorts = new List<RetentionCohort>();
        var overallSize = new long[width];
        var overallReturned = new long[width];
        for (var c = firstCohort < 0 ? sizes.Length : firstCohort; c < sizes.Length; c++)
        {
            var cells = new RetentionCell[Math.Min(width, sizes.Length - c)];
            for (var k = 0; k < cells.Length; k++)
            {
                cells[k] = new RetentionCell(k, sizes[c], returned[(c * width) + k]);
                overallSize[k] += sizes[c];
                overallReturned[k] += returned[(c * width) + k];
            }

            cohorts.Add(new RetentionCohort(calendar.StartDate(c), (int)sizes[c], cells));
        }

        var overall = new List<RetentionCell>();
        for (var k = 0; k < width && k < cohorts.Count; k++)
        {
            overall.Add(new RetentionCell(k, overallSize[k], overallReturned[k]));
        }

        return new RetentionResult(query.Unit, query.WeekStart, query.Mode, cohorts, overall);
    }

    // Reads only the start and return events, subject by subject (SubjectWindows), and of those
    // only one per period: the rest of a period's events are skipped by a galloping search.
    private sealed class PartitionWork(PeriodCalendar calendar, RetentionQuery query, ConditionMasks conditions, SubjectMask cohort, TimeRange range)
    {
        private const uint StartBit = 1, ReturnBit = 2;
        private readonly int _width = query.Periods + 1;
        private readonly bool _firstOnly = query.Mode == RetentionMode.FirstTime;
        private int[] _starts = new int[16];
        private int[] _returns = new int[16];

        public int[] Sizes { get; } = new int[calendar.Count];

        public int[] Returned { get; } = new int[calendar.Count * (query.Periods + 1)];

        public PartitionWork Run(int index, EventLogPartition partition)
        {
            var windows = SubjectWindows.Of(partition);
            var returns = windows.For(conditions.NameOf(1));
            var times = partition.TimeArray;
            var entry = 0;
            foreach (var subject in windows.Walk(conditions.NameOf(0), cohort, range))
            {
                var startCount = Periods(index, times, subject.Positions, StartBit, _firstOnly, ref _starts);
                if (startCount == 0)
                {
                    continue;
                }

                // Only returns from the first cohort's period to the last one's last followed period count.
                var later = returns.PositionsOf(subject.Subject, ref entry);
                later = SubjectWindows.InRange(later, times, range);
                var end = _starts[startCount - 1] + _width;
                var until = end < calendar.Count ? SubjectWindows.LowerBound(later, times, calendar.StartOf(end)) : later.Length;
                later = later[..until][SubjectWindows.LowerBound(later[..until], times, calendar.StartOf(_starts[0]))..];
                Count(startCount, Periods(index, times, later, ReturnBit, false, ref _returns));
            }

            return this;
        }

        /// <summary>
        /// Writes to <paramref name="list"/> the distinct periods, ascending, of the events at
        /// <paramref name="positions"/> that satisfy condition <paramref name="bit"/> (only the first
        /// when <paramref name="firstOnly"/>); returns how many.
        /// </summary>
        private int Periods(int index, long[] times, ReadOnlySpan<int> positions, uint bit, bool firstOnly, ref int[] list)
        {
            var filtered = (conditions.Filtered & bit) != 0;
            var count = 0;
            var j = 0;
            while (j < positions.Length)
            {
                if (filtered && conditions.ApplyFilters(bit, index, positions[j]) == 0)
                {
                    j++;
                    continue;
                }

                var period = calendar.IndexOf(times[positions[j]]);
                Append(ref list, ref count, period);
                if (firstOnly || period + 1 >= calendar.Count)
                {
                    break;
                }

                j += 1 + SubjectWindows.Gallop(positions[(j + 1)..], times, calendar.StartOf(period + 1));
            }

            return count;
        }

        private void Count(int starts, int returns)
        {
            var r = 0;
            for (var a = 0; a < starts; a++)
            {
                var entry = _starts[a];
                Sizes[entry]++;
                while (r < returns && _returns[r] < entry)
                {
                    r++;
                }

                for (var b = r; b < returns && _returns[b] - entry < _width; b++)
                {
                    Returned[(entry * _width) + _returns[b] - entry]++;
                }
            }
        }

        private static void Append(ref int[] list, ref int count, int value)
        {
            if (count == list.Length)
            {
                Array.Resize(ref list, list.Length * 2);
            }

            list[count++] = value;
        }
    }
}
