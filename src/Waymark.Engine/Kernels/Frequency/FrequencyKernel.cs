using Waymark.Engine.Execution;
using Waymark.Engine.Filters;
using Waymark.Engine.Kernels.Periods;
using Waymark.Engine.Kernels.Sequences;
using Waymark.Engine.Snapshot;

namespace Waymark.Engine.Kernels.Frequency;

/// <summary>
/// Counts a <see cref="FrequencyQuery"/>'s events per subject and period, in one pass over each
/// subject's events with period boundaries worked out once.
/// </summary>
public static class FrequencyKernel
{
    /// <summary>Runs the query over the subjects and events of <paramref name="scope"/>.</summary>
    public static FrequencyResult Run(EventLog log, FrequencyQuery query, QueryScope scope)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(scope);
        var (first, last) = ObservedSpan.Of(log, scope.Range);
        var calendar = PeriodCalendar.Covering(query.Unit, query.WeekStart, first, last);
        var cohort = SubjectMask.Compile(log, scope.Cohort);
        var conditions = new ConditionMasks(log, [query.Event]);
        var partials = PartitionRunner.Run(log, (index, partition) =>
            new PartitionWork(calendar, query.MaxCount, conditions, cohort, scope.Range).Run(index, partition));
        return Merge(query, calendar, partials);
    }

    private static FrequencyResult Merge(FrequencyQuery query, PeriodCalendar calendar, PartitionWork[] partials)
    {
        var width = query.MaxCount;
        var periods = new FrequencyPeriod[calendar.Count];
        var overallByCount = new long[width];
        long overallSubjects = 0, overallEvents = 0;
        for (var p = 0; p < periods.Length; p++)
        {
            var byCount = new long[width];
            long subjects = 0, events = 0;
            foreach (var partial in partials)
            {
                subjects += partial.Subjects[p];
                events += partial.Events[p];
                for (var c = 0; c < width; c++)
                {
                    byCount[c] += partial.ByCount[(p * width) + c];
                }
            }

            for (var c = 0; c < width; c++)
            {
                overallByCount[c] += byCount[c];
            }

            overallSubjects += subjects;
            overallEvents += events;
            periods[p] = new FrequencyPeriod(calendar.StartDate(p), new FrequencyDistribution(subjects, events, byCount));
        }

        return new FrequencyResult(query.Unit, query.WeekStart, width, periods,
            new FrequencyDistribution(overallSubjects, overallEvents, overallByCount));
    }

    private sealed class PartitionWork(PeriodCalendar calendar, int maxCount, ConditionMasks conditions, SubjectMask cohort, TimeRange range)
    {
        private int _index;
        private EventLogPartition _partition = null!;
        private PeriodCursor _cursor;
        private int _period = -1;
        private int _count;

        public int[] Subjects { get; } = new int[calendar.Count];

        public long[] Events { get; } = new long[calendar.Count];

        public int[] ByCount { get; } = new int[calendar.Count * maxCount];

        public PartitionWork Run(int index, EventLogPartition partition)
        {
            (_index, _partition) = (index, partition);
            var sink = new Sink(this);
            SubjectWalk.Run(partition, new NameScan(conditions.ByName), cohort, range, ref sink);
            return this;
        }

        private void Event(int position)
        {
            if (conditions.Filtered != 0 && conditions.ApplyFilters(1, _index, position) == 0)
            {
                return;
            }

            var time = _partition.TimeArray[position];
            if (_period < 0)
            {
                _cursor = PeriodCursor.At(calendar, time);
                _period = _cursor.Index;
            }
            else if (_cursor.Place(time) != _period)
            {
                Flush(_period, _count);
                _period = _cursor.Index;
                _count = 0;
            }

            _count++;
        }

        private void EndSubject()
        {
            if (_count > 0)
            {
                Flush(_period, _count);
            }

            (_period, _count) = (-1, 0);
        }

        private void Flush(int period, int count)
        {
            Subjects[period]++;
            Events[period] += count;
            ByCount[(period * maxCount) + Math.Min(count, maxCount) - 1]++;
        }

        private readonly struct Sink(PartitionWork work) : ISubjectEvents
        {
            public void Event(int position) => work.Event(position);

            public void EndSubject(int subject) => work.EndSubject();
        }
    }
}
