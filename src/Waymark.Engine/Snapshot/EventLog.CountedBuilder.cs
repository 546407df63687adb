using Waymark.Engine.Properties;

namespace Waymark.Engine.Snapshot;

public sealed partial class EventLog
{
    /// <summary>
    /// Builds a snapshot from a source read in disjoint slices whose events per subject were
    /// counted first: each slice's <see cref="SliceWriter"/> writes every event straight to its
    /// place in the final partitions, so the slices are written in parallel, with no lock and no
    /// unordered copy of the events (on a machine where touching a fresh page costs microseconds,
    /// that copy was a third of the build). A subject's events land in slice order, then in the
    /// order written, and are sorted by (time, row) at <see cref="Build"/>.
    /// </summary>
    public sealed class CountedBuilder
    {
        private readonly SubjectKind _kind;
        private readonly CodeTable _subjects;
        private readonly CodeTable _names;
        private readonly EventLogPartition[] _partitions;
        private readonly SliceWriter[] _writers;

        /// <summary>
        /// Lays out the snapshot. <paramref name="countsBySlice"/> holds, per slice, the number of
        /// events of each subject code (index = code, as many as <paramref name="subjectIds"/>);
        /// the arrays are taken over as the slices' write cursors.
        /// </summary>
        /// <param name="kind">Whether subjects are people or accounts.</param>
        /// <param name="subjectIds">The store's subject id of each subject code.</param>
        /// <param name="names">The store's event name of each name code.</param>
        /// <param name="countsBySlice">Per slice, per subject code, how many events the slice will write.</param>
        /// <param name="partitionTarget">How many events a partition aims for (a subject is never split).</param>
        public CountedBuilder(SubjectKind kind, IReadOnlyList<string?> subjectIds, IReadOnlyList<string?> names, int[][] countsBySlice, int partitionTarget = Partitioner.DefaultTarget)
        {
            ArgumentNullException.ThrowIfNull(subjectIds);
            ArgumentNullException.ThrowIfNull(names);
            ArgumentNullException.ThrowIfNull(countsBySlice);
            _kind = kind;
            _subjects = CodeTable.Of(subjectIds);
            _names = CodeTable.Of(names);
            var subjectCount = _subjects.Count;
            var totals = Totals(countsBySlice, subjectCount);
            var (partitions, starts, owner) = Partitioner.Allocate(totals, subjectCount, partitionTarget);
            _partitions = partitions;
            _writers = new SliceWriter[countsBySlice.Length];
            for (var slice = 0; slice < countsBySlice.Length; slice++)
            {
                // The slice's cursors start where the slices before it end; its counts become its cursors.
                var cursors = countsBySlice[slice];
                var ends = new int[subjectCount];
                for (var s = 0; s < subjectCount; s++)
                {
                    (cursors[s], starts[s]) = (starts[s], starts[s] + cursors[s]);
                    ends[s] = starts[s];
                }

                _writers[slice] = new SliceWriter(partitions, owner, cursors, ends);
            }
        }

        /// <summary>The writer of one slice; a writer is used by one thread at a time.</summary>
        public SliceWriter Writer(int slice) => _writers[slice];

        /// <summary>
        /// Sorts each subject's events by (time, row) and builds the snapshot, which covers source
        /// rows 0 to <paramref name="sourceRows"/> (excluded). Throws when a slice did not write
        /// exactly the events it counted.
        /// </summary>
        public EventLog Build(int sourceRows, IEventPropertySource? properties, ISubjectTraitSource? traits)
        {
            foreach (var writer in _writers)
            {
                if (!writer.IsComplete)
                {
                    throw new InvalidOperationException("a slice wrote other events than it counted; the source changed between counting and reading");
                }
            }

            Parallel.For(0, _partitions.Length, p => Partitioner.SortSubjects(_partitions[p]));
            return new EventLog(_kind, _subjects, _names, _partitions, sourceRows, properties, traits, null);
        }

        private static int[] Totals(int[][] countsBySlice, int subjectCount)
        {
            var totals = new int[subjectCount];
            foreach (var counts in countsBySlice)
            {
                if (counts.Length != subjectCount)
                {
                    throw new ArgumentException("every slice must count each subject code once", nameof(countsBySlice));
                }

                for (var s = 0; s < subjectCount; s++)
                {
                    totals[s] += counts[s];
                }
            }

            return totals;
        }
    }

    /// <summary>Writes one slice's events to their places in a <see cref="CountedBuilder"/>'s partitions.</summary>
    public sealed class SliceWriter
    {
        private readonly EventLogPartition[] _partitions;
        private readonly int[] _owner;
        private readonly int[] _cursors;
        private readonly int[] _ends;

        internal SliceWriter(EventLogPartition[] partitions, int[] owner, int[] cursors, int[] ends)
        {
            _partitions = partitions;
            _owner = owner;
            _cursors = cursors;
            _ends = ends;
        }

        /// <summary>
        /// Writes one event of a counted subject: its time in UTC milliseconds, its name code and
        /// its row in the source. Writing more events of a subject than counted throws.
        /// </summary>
        public void Add(int subject, long time, int name, int row)
        {
            var at = _cursors[subject]++;
            if (at >= _ends[subject])
            {
                throw new InvalidOperationException($"subject code {subject} has more events than counted");
            }

            var partition = _partitions[_owner[subject]];
            partition.TimeArray[at] = time;
            partition.NameArray[at] = name;
            partition.RowArray[at] = row;
        }

        internal bool IsComplete => _cursors.AsSpan().SequenceEqual(_ends);
    }
}
