using Waymark.Core.Conditions;

namespace Waymark.Engine.Kernels.Sequences;

/// <summary>
/// A sequence question, as ClickHouse's <c>sequenceMatch(pattern)(time, cond1, cond2, …)</c> and
/// <c>sequenceCount</c> ask it: numbered event conditions, and a pattern over them.
/// </summary>
/// <remarks>
/// Only events that satisfy at least one of <see cref="Conditions"/> take part; every other event
/// of the subject is skipped as if absent, also by <c>.</c> and <c>.*</c>. So adding a condition
/// the pattern never names still changes the answer: its events now sit between the others.
/// </remarks>
public sealed class SequenceQuery
{
    /// <summary>Creates the query, parsing <paramref name="pattern"/> against the conditions.</summary>
    /// <exception cref="ArgumentException">No conditions, more than 32, or a null among them.</exception>
    /// <exception cref="SequencePatternException">The pattern is not valid.</exception>
    public SequenceQuery(IReadOnlyList<EventCondition> conditions, string pattern)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        ArgumentNullException.ThrowIfNull(pattern);
        if (conditions.Count is < 1 or > SequencePattern.MaxConditions)
        {
            throw new ArgumentException($"A sequence needs 1 to {SequencePattern.MaxConditions} conditions; got {conditions.Count}.", nameof(conditions));
        }

        for (var c = 0; c < conditions.Count; c++)
        {
            if (conditions[c] is null)
            {
                throw new ArgumentException($"Condition {c + 1} is null; expected an event condition.", nameof(conditions));
            }
        }

        Conditions = [.. conditions];
        Pattern = SequencePattern.Parse(pattern, conditions.Count);
    }

    /// <summary>The conditions; <c>(?1)</c> names the first.</summary>
    public IReadOnlyList<EventCondition> Conditions { get; }

    /// <summary>The parsed pattern.</summary>
    public SequencePattern Pattern { get; }

    /// <summary>A query whose conditions are plain event names, in order.</summary>
    public static SequenceQuery OfNames(string pattern, params string[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var conditions = new EventCondition[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            conditions[i] = EventCondition.Named(names[i]);
        }

        return new SequenceQuery(conditions, pattern);
    }
}
