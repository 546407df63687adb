namespace Waymark.Core.Storage;

/// <summary>
/// What a store holds. <see cref="People"/> counts distinct people after identity resolution:
/// an anonymous id linked to a known person is that person.
/// </summary>
public sealed record StoreStats
{
    /// <summary>Stored events.</summary>
    public required long Events { get; init; }

    /// <summary>Distinct people: those with traits or memberships, and every subject of an event.</summary>
    public required long People { get; init; }

    /// <summary>Distinct accounts: those with traits or members, and every account named by an event.</summary>
    public required long Accounts { get; init; }

    /// <summary>Distinct event names.</summary>
    public required long EventNameCount { get; init; }

    /// <summary>Time of the earliest event, or null when there is none.</summary>
    public DateTime? FirstTime { get; init; }

    /// <summary>Time of the latest event, or null when there is none.</summary>
    public DateTime? LastTime { get; init; }

    /// <summary>Event names with their counts, most frequent first, then by name.</summary>
    public required IReadOnlyList<NameCount> EventNames { get; init; }
}

/// <summary>An event name and how many events have it.</summary>
public readonly record struct NameCount(string Name, long Count);
