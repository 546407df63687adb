using System.Collections.Concurrent;
using Waymark.Engine.Properties;

namespace Waymark.Engine.Snapshot;

/// <summary>
/// The engine's immutable, columnar snapshot of events: event names and subject ids as codes,
/// times in UTC milliseconds, sorted by (subject, time, source row) and cut into partitions of
/// whole subjects, which kernels run in parallel. Subject, time and name cost 16 bytes an event
/// (name 4, time 8, source row 4) plus 4 bytes a subject. Event properties and subject traits are
/// loaded per key, on first use, from the sources given at build; <see cref="Builder.From"/>
/// adds newly arrived events (late ones included) by rebuilding only the partitions they touch.
/// </summary>
public sealed partial class EventLog
{
    private readonly ConcurrentDictionary<string, Lazy<PropertyColumn>> _properties;
    private readonly ConcurrentDictionary<string, Lazy<TraitColumn>> _traits = new(StringComparer.Ordinal);
    private readonly EventLogPartition[] _partitions;

    private EventLog(
        SubjectKind subjectKind,
        CodeTable subjects,
        CodeTable names,
        EventLogPartition[] partitions,
        int sourceRows,
        IEventPropertySource? propertySource,
        ISubjectTraitSource? traitSource,
        ConcurrentDictionary<string, Lazy<PropertyColumn>>? properties)
    {
        SubjectKind = subjectKind;
        Subjects = subjects;
        Names = names;
        _partitions = partitions;
        SourceRows = sourceRows;
        PropertySource = propertySource;
        TraitSource = traitSource;
        _properties = properties ?? new(StringComparer.Ordinal);
        long events = 0;
        foreach (var partition in partitions)
        {
            events += partition.EventCount;
        }

        EventCount = events;
    }

    /// <summary>Whether subjects are people or accounts.</summary>
    public SubjectKind SubjectKind { get; }

    /// <summary>The id of each subject code (null for codes that are not subjects of this kind).</summary>
    public CodeTable Subjects { get; }

    /// <summary>The event name of each name code.</summary>
    public CodeTable Names { get; }

    /// <summary>The partitions, in subject order.</summary>
    public IReadOnlyList<EventLogPartition> Partitions => _partitions;

    /// <summary>How many events the snapshot holds.</summary>
    public long EventCount { get; }

    /// <summary>How many subject codes exist (subjects with no events included).</summary>
    public int SubjectCount => Subjects.Count;

    /// <summary>The source rows the snapshot covers: rows 0 to this value, excluded.</summary>
    public int SourceRows { get; }

    /// <summary>Bytes held by the event columns and offsets (loaded properties and traits not counted).</summary>
    public long Bytes
    {
        get
        {
            long bytes = 0;
            foreach (var partition in _partitions)
            {
                bytes += partition.Bytes;
            }

            return bytes;
        }
    }

    internal EventLogPartition[] PartitionArray => _partitions;

    internal IEventPropertySource? PropertySource { get; }

    internal ISubjectTraitSource? TraitSource { get; }

    /// <summary>
    /// The column of an event property, loaded from the property source on first use (the one
    /// step of a query that may read the store); later calls return the same column.
    /// </summary>
    public PropertyColumn Property(string key) =>
        _properties.GetOrAdd(key, k => new Lazy<PropertyColumn>(() => LoadProperty(k))).Value;

    /// <summary>
    /// The property key under which sources serve, per event, the roles of the person who did it in
    /// the event's account, as a JSON list of role names (<c>["champion","end-user"]</c>). It cannot
    /// clash with a property written in a map or a command.
    /// </summary>
    public const string ActorRolesKey = "\0actor_roles";

    /// <summary>Per event, the roles of the person who did it in the event's account (see <see cref="ActorRolesKey"/>), loaded on first use.</summary>
    public PropertyColumn ActorRoles() => Property(ActorRolesKey);

    /// <summary>The column of a subject trait, loaded from the trait source on first use.</summary>
    public TraitColumn Trait(string key) =>
        _traits.GetOrAdd(key, k => new Lazy<TraitColumn>(() => LoadTrait(k))).Value;

    /// <summary>The partition holding a subject code, or -1 when no partition covers it.</summary>
    public int PartitionOf(int subject)
    {
        int low = 0, high = _partitions.Length - 1;
        while (low <= high)
        {
            var mid = (low + high) >>> 1;
            var partition = _partitions[mid];
            if (subject < partition.FirstSubject)
            {
                high = mid - 1;
            }
            else if (subject >= partition.FirstSubject + partition.SubjectCount)
            {
                low = mid + 1;
            }
            else
            {
                return mid;
            }
        }

        return -1;
    }

    internal IEnumerable<KeyValuePair<string, PropertyColumn>> LoadedProperties()
    {
        foreach (var (key, lazy) in _properties)
        {
            if (lazy.IsValueCreated)
            {
                yield return new(key, lazy.Value);
            }
        }
    }

    private PropertyColumn LoadProperty(string key)
    {
        var values = new PropertyValues();
        var byRow = new int[SourceRows];
        PropertySource?.ReadProperty(key, 0, SourceRows, (row, json) => byRow[row] = values.Intern(json));
        var codes = new int[_partitions.Length][];
        Parallel.For(0, _partitions.Length, p =>
        {
            var rows = _partitions[p].RowArray;
            var target = new int[rows.Length];
            for (var i = 0; i < rows.Length; i++)
            {
                target[i] = byRow[rows[i]];
            }

            codes[p] = target;
        });
        return new PropertyColumn(key, values, codes);
    }

    private TraitColumn LoadTrait(string key)
    {
        var values = new PropertyValues();
        var codes = new int[SubjectCount];
        TraitSource?.ReadTrait(key, (subject, json) =>
        {
            if ((uint)subject < (uint)codes.Length)
            {
                codes[subject] = values.Intern(json);
            }
        });
        return new TraitColumn(key, values, codes);
    }
}
