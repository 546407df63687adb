using Waymark.Engine.Execution;
using Waymark.Engine.Filters;
using Waymark.Engine.Kernels.Periods;
using Waymark.Engine.Kernels.Sequences;
using Waymark.Engine.Snapshot;

namespace Waymark.Engine.Kernels.Frequency;

/// <summary>
/// Counts a <see cref="FrequencyQuery"/>'s events per subject and period, in one pass over each
/// subject's events of the query's name (found through <see cref="SubjectWindows"/>, no other
/// event read) with period boundaries worked out once.
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

    // Reads only the events of the query's name, subject by subject (SubjectWindows).
    private sealed class PartitionWork(PeriodCalendar calendar, int maxCount, ConditionMasks conditions, SubjectMask cohort, TimeRange range)
    {
        public int[] Subjects { get; } = new int[calendar.Count];

        public long[] Events { get; } = new long[calendar.Count];

        public int[] ByCount { get; } = new int[calendar.Count * maxCount];

        public PartitionWork Run(int index, EventLogPartition partition)
        {
            var times = partition.TimeArray;
            var filtered = conditions.Filtered != 0;
            foreach (var subject in SubjectWindows.Of(partition).Walk(conditions.NameOf(0), cohort, range))
            {
                int period = -1, count = 0;
                var cursor = default(PeriodCursor);
                foreach (var position in subject.Positions)
                {
                    if (filtered && conditions.ApplyFilters(1, index, position) == 0)
                    {
                        continue;
                    }

                    var time = times[position];
                    if (period < 0)
                    {
                        cursor = PeriodCursor.At(calendar, time);
                        period = cursor.Index;
                    }
                    else if (cursor.Place(time) != period)
                    {
                        Flush(period, count);
                        (period, count) = (cursor.Index, 0);
                    }

                    count++;
                }

                if (count > 0)
                {
                    Flush(period, count);
                }
            }

            return this;
        }

        private void Flush(int period, int count)
        {
            Subjects[period]++;
            Events[period] += count;
            ByCount[(period * maxCount) + Math.Min(count, maxCount) - 1]++;
        }
    }
}
