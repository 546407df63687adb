using Waymark.Engine.Execution;
using Waymark.Engine.Filters;
using Waymark.Engine.Kernels.Periods;
using Waymark.Engine.Kernels.Sequences;
using Waymark.Engine.Snapshot;

namespace Waymark.Engine.Kernels.Retention;

/// <summary>
/// Builds a retention triangle (see <see cref="RetentionResult"/>) for a <see cref="RetentionQuery"/>
/// over a scope. Only events inside the scope's time range count, as if the others were absent:
/// a subject's "first" start event is its first one inside the range. Events are placed into
/// periods by walking period boundaries worked out once, in one pass over each subject's events.
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

    private sealed class PartitionWork(PeriodCalendar calendar, RetentionQuery query, ConditionMasks conditions, SubjectMask cohort, TimeRange range)
    {
        private const uint StartBit = 1, ReturnBit = 2;
        private readonly int _width = query.Periods + 1;
        private readonly bool _firstOnly = query.Mode == RetentionMode.FirstTime;
        private int[] _starts = new int[16];
        private int[] _returns = new int[16];
        private int _startCount, _returnCount;
        private int _index;
        private EventLogPartition _partition = null!;
        private PeriodCursor _cursor;
        private bool _placed;

        public int[] Sizes { get; } = new int[calendar.Count];

        public int[] Returned { get; } = new int[calendar.Count * (query.Periods + 1)];

        public PartitionWork Run(int index, EventLogPartition partition)
        {
            (_index, _partition) = (index, partition);
            var sink = new Sink(this);
            SubjectWalk.Run(partition, new NameScan(conditions.ByName), cohort, range, ref sink);
            return this;
        }

        /// <summary>Adds the event's period to the subject's distinct periods (ascending) of start events and of return events.</summary>
        private void Event(int position)
        {
            var mask = conditions.ByName[_partition.NameArray[position]];
            if ((mask & conditions.Filtered) != 0 && (mask = conditions.ApplyFilters(mask, _index, position)) == 0)
            {
                return;
            }

            var time = _partition.TimeArray[position];
            if (!_placed)
            {
                _cursor = PeriodCursor.At(calendar, time);
                _placed = true;
            }

            var period = _cursor.Place(time);
            if ((mask & StartBit) != 0 && (_startCount == 0 || (!_firstOnly && _starts[_startCount - 1] != period)))
            {
                Append(ref _starts, ref _startCount, period);
            }

            if ((mask & ReturnBit) != 0 && (_returnCount == 0 || _returns[_returnCount - 1] != period))
            {
                Append(ref _returns, ref _returnCount, period);
            }
        }

        private void EndSubject()
        {
            if (_startCount > 0)
            {
                Count(_startCount, _returnCount);
            }

            (_startCount, _returnCount, _placed) = (0, 0, false);
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

        private readonly struct Sink(PartitionWork work) : ISubjectEvents
        {
            public void Event(int position) => work.Event(position);

            public void EndSubject(int subject) => work.EndSubject();
        }
    }
}
