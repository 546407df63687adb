namespace Waymark.Core.Model;

/// <summary>A message that changes what is known about people and accounts, not an event.</summary>
public abstract record ProfileMessage
{
    /// <summary>Unique id of the message; duplicates are dropped.</summary>
    public required string MessageId { get; init; }

    /// <summary>When the change was made: UTC, whole milliseconds.</summary>
    public required DateTime Timestamp { get; init; }
}

/// <summary>
/// Says who a person is (Segment's <c>identify</c>): sets traits, and when both ids are given,
/// links the anonymous id to the person so that both lead to one person.
/// </summary>
public sealed record IdentifyMessage : ProfileMessage
{
    /// <summary>The known id of the person, or null when only traits of an anonymous visitor are set.</summary>
    public string? PersonId { get; init; }

    /// <summary>The anonymous id, if any.</summary>
    public string? AnonymousId { get; init; }

    /// <summary>Traits to merge into the person's traits (later values win key by key).</summary>
    public Properties Traits { get; init; } = Properties.Empty;
}

/// <summary>
/// Puts a person in an account (Segment's <c>group</c>), with the account's traits and the
/// person's roles there.
/// </summary>
public sealed record GroupMessage : ProfileMessage
{
    /// <summary>The known id of the person, or null when anonymous.</summary>
    public string? PersonId { get; init; }

    /// <summary>The anonymous id, if any.</summary>
    public string? AnonymousId { get; init; }

    /// <summary>The account (Segment's <c>groupId</c>).</summary>
    public required string AccountId { get; init; }

    /// <summary>Traits to merge into the account's traits.</summary>
    public Properties Traits { get; init; } = Properties.Empty;

    /// <summary>The person's roles in the account, by wire name (<see cref="Names.Roles"/> or any other name).</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];
}

/// <summary>Says that a previous id (anonymous or another user id) is the same person (Segment's <c>alias</c>).</summary>
public sealed record AliasMessage : ProfileMessage
{
    /// <summary>The id used before.</summary>
    public required string PreviousId { get; init; }

    /// <summary>The person's id from now on.</summary>
    public required string PersonId { get; init; }
}
