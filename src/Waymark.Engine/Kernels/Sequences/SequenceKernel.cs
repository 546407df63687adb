using Waymark.Engine.Execution;
using Waymark.Engine.Filters;
using Waymark.Engine.Snapshot;

namespace Waymark.Engine.Kernels.Sequences;

/// <summary>
/// Matches and counts a <see cref="SequenceQuery"/> per subject with the results of ClickHouse's
/// <c>sequenceMatch</c> and <c>sequenceCount</c> grouped by subject (see docs/kernels/sequences.md).
/// Events with equal times keep the snapshot's order (source row), where ClickHouse's order is
/// unspecified.
/// </summary>
public static class SequenceKernel
{
    /// <summary>Runs the query over the subjects and events of <paramref name="scope"/>.</summary>
    public static SequenceResult Run(EventLog log, SequenceQuery query, QueryScope scope)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(scope);
        var cohort = SubjectMask.Compile(log, scope.Cohort);
        var conditions = new ConditionMasks(log, query.Conditions);
        var program = new SequenceProgram(query.Pattern);
        var partials = PartitionRunner.Run(log, (index, partition) =>
            new PartitionWork(log, program, conditions, cohort, scope.Range).Run(index, partition));

        int considered = 0, matched = 0, overLimit = 0;
        long total = 0;
        var subjects = new List<SubjectSequence>();
        foreach (var partial in partials)
        {
            considered += partial.Considered;
            matched += partial.Matched;
            overLimit += partial.OverLimit;
            total += partial.Total;
            subjects.AddRange(partial.Subjects);
        }

        return new SequenceResult(considered, matched, total, overLimit, subjects);
    }

    private sealed class PartitionWork(EventLog log, SequenceProgram program, ConditionMasks conditions, SubjectMask cohort, TimeRange range)
    {
        private long[] _times = new long[256];
        private uint[] _masks = new uint[256];
        private SequenceProgram.Frame[] _stack = new SequenceProgram.Frame[64];

        public int Considered { get; private set; }

        public int Matched { get; private set; }

        public int OverLimit { get; private set; }

        public long Total { get; private set; }

        public List<SubjectSequence> Subjects { get; } = [];

        public PartitionWork Run(int index, EventLogPartition partition)
        {
            for (var s = 0; s < partition.SubjectCount; s++)
            {
                var subject = partition.FirstSubject + s;
                if (!cohort.Contains(subject))
                {
                    continue;
                }

                var (start, end) = PartitionRunner.Window(partition, s, range);
                if (start == end)
                {
                    continue;
                }

                Considered++;
                var (count, met) = Gather(index, partition, start, end);
                Evaluate(subject, count, met);
            }

            return this;
        }

        /// <summary>Copies the times and condition masks of the subject's events that satisfy any condition.</summary>
        private (int Count, uint Met) Gather(int index, EventLogPartition partition, int start, int end)
        {
            if (_times.Length < end - start)
            {
                _times = new long[Math.Max(end - start, _times.Length * 2)];
                _masks = new uint[_times.Length];
            }

            var byName = conditions.ByName;
            var filtered = conditions.Filtered;
            var names = partition.NameArray;
            var times = partition.TimeArray;
            var count = 0;
            uint met = 0;
            for (var i = start; i < end; i++)
            {
                var mask = byName[names[i]];
                if (mask == 0)
                {
                    continue;
                }

                if ((mask & filtered) != 0 && (mask = conditions.ApplyFilters(mask, index, i)) == 0)
                {
                    continue;
                }

                _times[count] = times[i];
                _masks[count++] = mask;
                met |= mask;
            }

            return (count, met);
        }

        private void Evaluate(int subject, int count, uint met)
        {
            var used = program.Pattern.ConditionsUsed;
            if ((met & used) != used)
            {
                return; // a condition the pattern needs never occurs: neither matched nor counted
            }

            var times = _times.AsSpan(0, count);
            var masks = _masks.AsSpan(0, count);
            bool matched;
            var over = false;
            var occurrences = 0;
            var position = 0;
            if (program.Pattern.HasTimeSteps)
            {
                // sequenceMatch's one search is also sequenceCount's first.
                var first = program.MatchFrom(times, masks, ref position, ref _stack);
                matched = first == MatchOutcome.Match;
                over = first == MatchOutcome.OverStepLimit;
                occurrences = matched && count > 0 ? 1 : 0;
                position = matched ? position : count;
            }
            else
            {
                matched = program.MatchesAnywhere(masks);
            }

            // sequenceCount: search again after each match's last event, until a search fails.
            while (!over && position < count)
            {
                var outcome = program.MatchFrom(times, masks, ref position, ref _stack);
                over = outcome == MatchOutcome.OverStepLimit;
                if (outcome != MatchOutcome.Match)
                {
                    break;
                }

                occurrences++;
            }

            Record(subject, matched, occurrences, over);
        }

        private void Record(int subject, bool matched, int occurrences, bool over)
        {
            if (over)
            {
                OverLimit++;
                Subjects.Add(new SubjectSequence(subject, log.Subjects[subject]!, false, 0, true));
                return;
            }

            if (matched || occurrences > 0)
            {
                Matched += matched ? 1 : 0;
                Total += occurrences;
                Subjects.Add(new SubjectSequence(subject, log.Subjects[subject]!, matched, occurrences, false));
            }
        }
    }
}
