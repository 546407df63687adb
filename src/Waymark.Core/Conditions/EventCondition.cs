namespace Waymark.Core.Conditions;

/// <summary>
/// Which single events a step matches: an event name (or any event when <see cref="Event"/> is
/// null) and property filters that must all hold — the <c>{ event: ticket_opened, where: { severity:
/// critical } }</c> of a journey map, and a step of a funnel or a sequence.
/// </summary>
/// <param name="Event">The event name, compared exactly; null matches every name.</param>
/// <param name="Where">Filters on the event's properties, all of which must hold.</param>
public sealed record EventCondition(string? Event, IReadOnlyList<PropertyFilter> Where)
{
    /// <summary>Matches events of one name, whatever their properties.</summary>
    public static EventCondition Named(string name) => new(name, []);

    /// <summary>Matches events of one name whose properties pass every filter.</summary>
    public static EventCondition Named(string name, params PropertyFilter[] where) => new(name, where);

    /// <summary>Matches every event.</summary>
    public static EventCondition AnyEvent { get; } = new(null, []);

    /// <summary>Says the condition in the map syntax, for messages and labels.</summary>
    public override string ToString() =>
        Where.Count == 0 ? Event ?? "any event" : $"{Event ?? "any event"} where {string.Join(" and ", Where)}";
}
