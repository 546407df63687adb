using Waymark.Core.Conditions;
using Waymark.Engine.Snapshot;

namespace Waymark.Engine.Filters;

/// <summary>
/// An <see cref="EventCondition"/> compiled against one snapshot: the name code to match (or
/// any name, or none when the snapshot has no such name) and, per property filter, the value
/// codes that pass. Compiling loads the property columns the condition needs; matching reads
/// nothing else.
/// </summary>
public sealed class EventMatcher
{
    private readonly int[][][] _codesByFilter;
    private readonly bool[][] _passes;

    private EventMatcher(EventCondition condition, int name, int[][][] codesByFilter, bool[][] passes)
    {
        Condition = condition;
        Name = name;
        _codesByFilter = codesByFilter;
        _passes = passes;
    }

    /// <summary>The condition compiled.</summary>
    public EventCondition Condition { get; }

    /// <summary>The name code to match; <see cref="AnyName"/> for every name, <see cref="NoName"/> when the name never occurs.</summary>
    public int Name { get; }

    /// <summary>True when the condition tests properties, not only the name.</summary>
    public bool HasFilters => _passes.Length > 0;

    /// <summary>The <see cref="Name"/> of a condition without an event name.</summary>
    public const int AnyName = -1;

    /// <summary>The <see cref="Name"/> of a condition whose event name the snapshot does not hold.</summary>
    public const int NoName = -2;

    /// <summary>Compiles a condition against a snapshot, loading the property columns it tests.</summary>
    public static EventMatcher Compile(EventLog log, EventCondition condition)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(condition);
        var name = condition.Event is null ? AnyName : log.Names.TryGetCode(condition.Event, out var code) ? code : NoName;
        var codes = new int[condition.Where.Count][][];
        var passes = new bool[condition.Where.Count][];
        for (var f = 0; f < condition.Where.Count; f++)
        {
            var column = log.Property(condition.Where[f].Key);
            codes[f] = column.CodesByPartition;
            passes[f] = ValueTable.Compile(condition.Where[f], column.Values);
        }

        return new EventMatcher(condition, name, codes, passes);
    }

    /// <summary>True when event <paramref name="position"/> of partition <paramref name="partition"/> matches.</summary>
    public bool Matches(EventLogPartition partition, int partitionIndex, int position)
    {
        var name = partition.NameArray[position];
        if (Name != AnyName && name != Name)
        {
            return false;
        }

        return _passes.Length == 0 || FiltersPass(partitionIndex, position);
    }

    /// <summary>True when the property filters hold for an event (its name already matched).</summary>
    public bool FiltersPass(int partitionIndex, int position)
    {
        for (var f = 0; f < _passes.Length; f++)
        {
            var codes = _codesByFilter[f][partitionIndex];
            var code = position < codes.Length ? codes[position] : 0;
            if (!_passes[f][code])
            {
                return false;
            }
        }

        return true;
    }
}
