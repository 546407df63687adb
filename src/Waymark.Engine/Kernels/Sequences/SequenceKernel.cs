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
        private int _index, _next, _count;
        private uint _met;
        private EventLogPartition _partition = null!;

        public int Considered { get; private set; }

        public int Matched { get; private set; }

        public int OverLimit { get; private set; }

        public long Total { get; private set; }

        public List<SubjectSequence> Subjects { get; } = [];

        public PartitionWork Run(int index, EventLogPartition partition)
        {
            (_index, _partition, _next) = (index, partition, partition.FirstSubject);
            Considered = CountConsidered(partition);
            var sink = new Sink(this);
            SubjectWalk.Run(partition, new NameScan(conditions.ByName), cohort, range, ref sink);
            CatchUp(partition.FirstSubject + partition.SubjectCount);
            return this;
        }

        /// <summary>Cohort subjects with any event (of any name) in the range: the groups ClickHouse forms.</summary>
        private int CountConsidered(EventLogPartition partition)
        {
            var offsets = partition.OffsetArray;
            var considered = 0;
            if (cohort.IsEveryone && range.IsAll)
            {
                for (var s = 0; s < partition.SubjectCount; s++)
                {
                    considered += offsets[s + 1] > offsets[s] ? 1 : 0;
                }

                return considered;
            }

            for (var s = 0; s < partition.SubjectCount; s++)
            {
                considered += IsConsidered(s) ? 1 : 0;
            }

            return considered;
        }

        private bool IsConsidered(int local) =>
            cohort.Contains(_partition.FirstSubject + local) && PartitionRunner.Window(_partition, local, range) is var (start, end) && start < end;

        /// <summary>
        /// A pattern that names no condition (<c>.*</c>, <c>.</c>, or empty) can match a considered
        /// subject none of whose events satisfies a condition, which the walk never visits: those
        /// before <paramref name="subject"/> not evaluated yet are evaluated here, in subject order.
        /// </summary>
        private void CatchUp(int subject)
        {
            if (program.Pattern.ConditionsUsed == 0)
            {
                for (var s = _next; s < subject; s++)
                {
                    if (IsConsidered(s - _partition.FirstSubject))
                    {
                        Evaluate(s, 0, 0);
                    }
                }
            }

            _next = subject;
        }

        /// <summary>Copies the time and condition mask of an event that satisfies any condition.</summary>
        private void Event(int position)
        {
            var mask = conditions.ByName[_partition.NameArray[position]];
            if ((mask & conditions.Filtered) != 0 && (mask = conditions.ApplyFilters(mask, _index, position)) == 0)
            {
                return;
            }

            if (_count == _times.Length)
            {
                Array.Resize(ref _times, _count * 2);
                Array.Resize(ref _masks, _count * 2);
            }

            _times[_count] = _partition.TimeArray[position];
            _masks[_count++] = mask;
            _met |= mask;
        }

        private void EndSubject(int subject)
        {
            CatchUp(subject);
            Evaluate(subject, _count, _met);
            (_count, _met, _next) = (0, 0, subject + 1);
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
            if (count > 0 && count <= program.LinearLimit)
            {
                var found = program.CountLinearly(masks);
                Record(subject, found > 0, found, false);
                return;
            }

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

        private readonly struct Sink(PartitionWork work) : ISubjectEvents
        {
            public void Event(int position) => work.Event(position);

            public void EndSubject(int subject) => work.EndSubject(subject);
        }
    }
}
