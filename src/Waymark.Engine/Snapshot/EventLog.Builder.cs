using Waymark.Engine.Properties;

namespace Waymark.Engine.Snapshot;

public sealed partial class EventLog
{
    /// <summary>
    /// Gathers events in any order, then builds a sorted snapshot, either from nothing or onto an
    /// existing snapshot (<see cref="From"/>), in which case only the partitions holding the new
    /// events' subjects are rebuilt and late events land where their time puts them. Events come
    /// either as codes of a store (<see cref="Add"/>, with the store's id and name tables) or as
    /// text (<see cref="AddEvent"/>), whose properties and traits the builder then keeps itself.
    /// </summary>
    public sealed class Builder
    {
        private readonly EventLog? _base;
        private readonly CodeTableBuilder _subjects;
        private readonly CodeTableBuilder _names;
        private readonly EventColumns _events = new();
        private InMemorySource? _memory;
        private int _nextRow;

        /// <summary>Starts an empty snapshot of the given subjects.</summary>
        public Builder(SubjectKind subjectKind)
        {
            SubjectKind = subjectKind;
            _subjects = new CodeTableBuilder();
            _names = new CodeTableBuilder();
        }

        private Builder(EventLog log)
        {
            _base = log;
            SubjectKind = log.SubjectKind;
            _subjects = new CodeTableBuilder(log.Subjects);
            _names = new CodeTableBuilder(log.Names);
            _nextRow = log.SourceRows;
            if (log.PropertySource is InMemorySource memory)
            {
                _memory = memory;
            }
        }

        /// <summary>Starts a builder that adds events onto <paramref name="log"/>, which stays as it is.</summary>
        public static Builder From(EventLog log) => new(log);

        /// <summary>Whether subjects are people or accounts.</summary>
        public SubjectKind SubjectKind { get; }

        /// <summary>How many events a partition aims for (a subject is never split).</summary>
        public int PartitionTarget { get; init; } = Partitioner.DefaultTarget;

        /// <summary>How many events have been added so far.</summary>
        public int Count => _events.Count;

        /// <summary>Takes the store's subject id of each subject code (index = code); codes only ever grow.</summary>
        public void SetSubjectIds(IReadOnlyList<string?> ids) => _subjects.Reset(ids);

        /// <summary>Takes the store's event name of each name code (index = code); codes only ever grow.</summary>
        public void SetNames(IReadOnlyList<string?> names) => _names.Reset(names);

        /// <summary>
        /// Notes that source rows up to <paramref name="rows"/> (excluded) were read, those without
        /// a subject included, so that the snapshot covers them.
        /// </summary>
        public void CoverRows(int rows) => _nextRow = Math.Max(_nextRow, rows);

        /// <summary>Makes room for <paramref name="events"/> more events, to avoid regrowing.</summary>
        public void Reserve(int events) => _events.Reserve(events);

        /// <summary>
        /// Adds events given as codes: subject codes and name codes of the tables set with
        /// <see cref="SetSubjectIds"/> and <see cref="SetNames"/>, UTC milliseconds, and each
        /// event's row in the source (unique, 0 and up). A negative subject code skips the event.
        /// </summary>
        public void Add(ReadOnlySpan<int> subjects, ReadOnlySpan<long> times, ReadOnlySpan<int> names, ReadOnlySpan<int> rows)
        {
            if (subjects.Length != times.Length || names.Length != times.Length || rows.Length != times.Length)
            {
                throw new ArgumentException("subjects, times, names and rows must have the same length");
            }

            _events.Reserve(times.Length);
            var (subjectColumn, timeColumn, nameColumn, rowColumn) = (_events.Subjects, _events.Times, _events.Names, _events.Rows);
            int at = _events.Count, maxSubject = -1, maxName = -1, maxRow = -1;
            for (var i = 0; i < times.Length; i++)
            {
                var subject = subjects[i];
                if (subject < 0)
                {
                    continue;
                }

                (subjectColumn[at], timeColumn[at], nameColumn[at], rowColumn[at]) = (subject, times[i], names[i], rows[i]);
                at++;
                maxSubject = Math.Max(maxSubject, subject);
                maxName = Math.Max(maxName, names[i]);
                maxRow = Math.Max(maxRow, rows[i]);
            }

            _events.Count = at;
            _subjects.Cover(maxSubject);
            _names.Cover(maxName);
            _nextRow = Math.Max(_nextRow, maxRow + 1);
        }

        /// <summary>
        /// Adds one event given as text, with its properties as a JSON object (or null), and
        /// returns its row. The builder keeps the properties and serves them to the snapshot.
        /// </summary>
        /// <param name="subject">The subject's id.</param>
        /// <param name="time">UTC milliseconds since the Unix epoch.</param>
        /// <param name="name">The event name.</param>
        /// <param name="propertiesJson">The properties as a JSON object, or null.</param>
        /// <param name="actorRolesJson">The roles of the person who did it in the account, as a JSON list of role names, or null.</param>
        public int AddEvent(string subject, long time, string name, string? propertiesJson = null, string? actorRolesJson = null)
        {
            var row = _nextRow++;
            _events.Add(_subjects.Intern(subject), time, _names.Intern(name), row);
            Memory.SetProperties(row, propertiesJson);
            if (actorRolesJson is not null)
            {
                Memory.SetActorRoles(row, actorRolesJson);
            }

            return row;
        }

        /// <summary>Sets a subject's traits as a JSON object (replacing earlier ones), for cohorts.</summary>
        public void SetTraits(string subject, string traitsJson) => Memory.SetTraits(_subjects.Intern(subject), traitsJson);

        /// <summary>
        /// Builds the snapshot. Properties and traits load from the given sources, else from what
        /// <see cref="AddEvent"/> and <see cref="SetTraits"/> kept, else from the base snapshot's.
        /// </summary>
        public EventLog Build(IEventPropertySource? properties = null, ISubjectTraitSource? traits = null)
        {
            properties ??= (IEventPropertySource?)_memory ?? _base?.PropertySource;
            traits ??= (ISubjectTraitSource?)_memory ?? _base?.TraitSource;
            var subjects = _subjects.Build();
            var names = _names.Build();
            var rows = Math.Max(_nextRow, _base?.SourceRows ?? 0);
            if (_base is null || _base.PartitionArray.Length == 0)
            {
                var partitions = Partitioner.Build(_events, subjects.Count, PartitionTarget);
                return new EventLog(SubjectKind, subjects, names, partitions, rows, properties, traits, null);
            }

            return Appender.Append(_base, _events, subjects, names, rows, properties, traits, PartitionTarget);
        }

        private InMemorySource Memory => _memory ??= new InMemorySource();
    }

    /// <summary>Makes a snapshot from parts (used by the append path).</summary>
    internal static EventLog Create(
        SubjectKind kind,
        CodeTable subjects,
        CodeTable names,
        EventLogPartition[] partitions,
        int sourceRows,
        IEventPropertySource? properties,
        ISubjectTraitSource? traits,
        IEnumerable<PropertyColumn> loaded)
    {
        var columns = new System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<PropertyColumn>>(StringComparer.Ordinal);
        foreach (var column in loaded)
        {
            var lazy = new Lazy<PropertyColumn>(() => column);
            _ = lazy.Value;
            columns[column.Key] = lazy;
        }

        return new EventLog(kind, subjects, names, partitions, sourceRows, properties, traits, columns);
    }
}
