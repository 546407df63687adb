using Waymark.Core.Conditions;
using Waymark.Core.Model;

namespace Waymark.Core.Journeys;

/// <summary>
/// A condition of a journey map over the events of the subject (the account's people, or the
/// person): an <see cref="EventMatch"/>, a combination (<see cref="AllOf"/>, <see cref="AnyOf"/>)
/// or <see cref="InactiveFor"/>. Only events at or after the journey instance's start count.
/// </summary>
public abstract record JourneyCondition
{
    private protected JourneyCondition()
    {
    }

    /// <summary>Every <see cref="EventMatch"/> in this condition, depth first, in the order written.</summary>
    public IEnumerable<EventMatch> EventMatches()
    {
        var pending = new Stack<JourneyCondition>();
        pending.Push(this);
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case EventMatch match:
                    yield return match;
                    break;
                case AllOf all:
                    PushReversed(pending, all.Conditions);
                    break;
                case AnyOf any:
                    PushReversed(pending, any.Conditions);
                    break;
            }
        }
    }

    private static void PushReversed(Stack<JourneyCondition> stack, IReadOnlyList<JourneyCondition> conditions)
    {
        for (var i = conditions.Count - 1; i >= 0; i--)
        {
            stack.Push(conditions[i]);
        }
    }
}

/// <summary>
/// True at the time of the event that first makes enough matching events: events that pass
/// <see cref="Event"/>, done by people with one of <see cref="ByRole"/> (when given), at least
/// <see cref="MinCount"/> of them — or, with <see cref="Distinct"/>, at least that many distinct
/// values of that property among them — and, with <see cref="Within"/>, all inside one window:
/// the counted events lie in [t − Within, t], where t is the time of the event that completes the count.
/// </summary>
/// <param name="Event">The event name (null for any event) and property filters, all of which must hold.</param>
/// <param name="MinCount">How many matching events (or distinct values) are needed; at least 1.</param>
/// <param name="Distinct">Count distinct values of this property instead of events; events without it do not count.</param>
/// <param name="Within">The sliding window the counted events must fit in; null for no window.</param>
/// <param name="ByRole">Only events of people with one of these roles in the account count; empty for everyone.</param>
public sealed record EventMatch(EventCondition Event, int MinCount, string? Distinct, TimeSpan? Within, IReadOnlyList<Role> ByRole)
    : JourneyCondition
{
    /// <summary>One event of this name, whoever did it, whenever.</summary>
    public static EventMatch Once(string name) => new(EventCondition.Named(name), 1, null, null, []);

    /// <summary>Says the condition in words, for reasons and messages.</summary>
    public override string ToString()
    {
        var text = Event.ToString();
        if (MinCount > 1 || Distinct is not null)
        {
            text += Distinct is null ? $" at least {MinCount} times" : $" with at least {MinCount} distinct {Distinct}";
        }

        if (Within is { } window)
        {
            text += $" within {Durations.Format(window)}";
        }

        return ByRole.Count == 0 ? text : $"{text} by {string.Join(" or ", ByRole.Select(Names.Of))}";
    }
}

/// <summary>True at the first time every one of <see cref="Conditions"/> has become true (each may become true at a different time).</summary>
/// <param name="Conditions">At least one condition.</param>
public sealed record AllOf(IReadOnlyList<JourneyCondition> Conditions) : JourneyCondition
{
    /// <summary>Says the condition in words.</summary>
    public override string ToString() => $"all of ({string.Join("; ", Conditions)})";
}

/// <summary>True at the first time any one of <see cref="Conditions"/> becomes true.</summary>
/// <param name="Conditions">At least one condition.</param>
public sealed record AnyOf(IReadOnlyList<JourneyCondition> Conditions) : JourneyCondition
{
    /// <summary>Says the condition in words.</summary>
    public override string ToString() => $"any of ({string.Join("; ", Conditions)})";
}

/// <summary>
/// True once the subject has had no event at all for <see cref="Duration"/>: at the time of its
/// latest event (or of the journey's start, if later) plus the duration. It never makes a
/// milestone reached, since a milestone is reached by an event.
/// </summary>
/// <param name="Duration">How long without any event; positive.</param>
public sealed record InactiveFor(TimeSpan Duration) : JourneyCondition
{
    /// <summary>Says the condition in words.</summary>
    public override string ToString() => $"no activity for {Durations.Format(Duration)}";
}
