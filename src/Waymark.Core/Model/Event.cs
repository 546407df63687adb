namespace Waymark.Core.Model;

/// <summary>
/// Something that happened to a customer, at one instant. The subject is the person
/// (<see cref="PersonId"/>, or <see cref="AnonymousId"/> before they are identified) and,
/// when known, the account the event belongs to. At least one of the person ids is set.
/// </summary>
public sealed record Event
{
    /// <summary>Unique id of the message that carried the event; duplicates of it are dropped.</summary>
    public required string MessageId { get; init; }

    /// <summary>When it happened: UTC, whole milliseconds (see <see cref="Timestamps"/>).</summary>
    public required DateTime Timestamp { get; init; }

    /// <summary>The known id of the person (Segment's <c>userId</c>), or null when anonymous.</summary>
    public string? PersonId { get; init; }

    /// <summary>The anonymous id of the person before identification (Segment's <c>anonymousId</c>).</summary>
    public string? AnonymousId { get; init; }

    /// <summary>The account (Segment's <c>context.groupId</c>), or null when the source does not say.</summary>
    public string? AccountId { get; init; }

    /// <summary>What happened, such as <c>report_viewed</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Where it happened from the customer's side: web, email, meeting, product, …</summary>
    public string? Channel { get; init; }

    /// <summary>The system that reported it: a product, a CRM, a support desk, a file.</summary>
    public string? Source { get; init; }

    /// <summary>Who acted.</summary>
    public Actor Actor { get; init; }

    /// <summary>The event's own typed properties.</summary>
    public Properties Properties { get; init; } = Properties.Empty;

    /// <summary>A monetary or quantity value the event carries (revenue, MRR change), if any.</summary>
    public double? Value { get; init; }

    /// <summary>Sentiment from -1 (very negative) to 1 (very positive), if measured.</summary>
    public double? Sentiment { get; init; }
}
