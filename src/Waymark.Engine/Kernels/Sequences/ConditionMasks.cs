using Waymark.Core.Conditions;
using Waymark.Engine.Filters;
using Waymark.Engine.Snapshot;

namespace Waymark.Engine.Kernels.Sequences;

/// <summary>
/// Up to 32 event conditions compiled into one bit mask per event: bit <c>k</c> is set when the
/// event satisfies condition <c>k + 1</c>. Names decide most bits through one table lookup; the
/// property filters run only for events whose name already matched a filtered condition.
/// </summary>
internal sealed class ConditionMasks
{
    private readonly uint[] _byName;
    private readonly uint _filtered;
    private readonly EventMatcher[] _matchers;

    public ConditionMasks(EventLog log, IReadOnlyList<EventCondition> conditions)
    {
        _byName = new uint[log.Names.Count];
        _matchers = new EventMatcher[conditions.Count];
        for (var c = 0; c < conditions.Count; c++)
        {
            var matcher = _matchers[c] = EventMatcher.Compile(log, conditions[c]);
            var bit = 1u << c;
            if (matcher.HasFilters)
            {
                _filtered |= bit;
            }

            if (matcher.Name == EventMatcher.AnyName)
            {
                for (var n = 0; n < _byName.Length; n++)
                {
                    _byName[n] |= bit;
                }
            }
            else if (matcher.Name >= 0)
            {
                _byName[matcher.Name] |= bit;
            }
        }
    }

    /// <summary>The conditions an event of each name code may satisfy (before property filters).</summary>
    public ReadOnlySpan<uint> ByName => _byName;

    /// <summary>The name code condition <paramref name="condition"/> (0-based) matches (see <see cref="EventMatcher.Name"/>).</summary>
    public int NameOf(int condition) => _matchers[condition].Name;

    /// <summary>The bits of conditions that have property filters.</summary>
    public uint Filtered => _filtered;

    /// <summary>Clears from <paramref name="candidates"/> the filtered conditions whose filters fail for the event.</summary>
    public uint ApplyFilters(uint candidates, int partitionIndex, int position)
    {
        for (var bits = candidates & _filtered; bits != 0; bits &= bits - 1)
        {
            var c = System.Numerics.BitOperations.TrailingZeroCount(bits);
            if (!_matchers[c].FiltersPass(partitionIndex, position))
            {
                candidates &= ~(1u << c);
            }
        }

        return candidates;
    }
}
