namespace Waymark.Simulation;

/// <summary>
/// What really happened to one account — its hidden drivers and its outcomes — for checking
/// what analytics find in the events. Times are UTC, whole milliseconds.
/// </summary>
public sealed record AccountTruth
{
    /// <summary>The account's index in the run (0-based); its random stream derives from (seed, index).</summary>
    public required int Index { get; init; }

    /// <summary>The account id the events carry.</summary>
    public required string AccountId { get; init; }

    /// <summary>smb, mid-market or enterprise.</summary>
    public required string Segment { get; init; }

    /// <summary>Industry trait.</summary>
    public required string Industry { get; init; }

    /// <summary>Region trait.</summary>
    public required string Region { get; init; }

    /// <summary>early-market, chasm, tornado or main-street.</summary>
    public required string AdoptionStage { get; init; }

    /// <summary>Number of people (1–17).</summary>
    public required int People { get; init; }

    /// <summary>The hidden drivers.</summary>
    public required AccountDrivers Drivers { get; init; }

    /// <summary>True when the account was already a customer at the start (signed before it: no contract_signed event).</summary>
    public bool CustomerAtStart { get; init; }

    /// <summary>True when the account is a customer at some point of the period (at start, or signed in it).</summary>
    public bool Bought { get; init; }

    /// <summary>When the contract was signed; before the period's start for <see cref="CustomerAtStart"/> accounts.</summary>
    public DateTime? SignedAt { get; init; }

    /// <summary>The competitor that won the deal, for lost deals (a <c>deal_lost</c> event).</summary>
    public string? LostTo { get; init; }

    /// <summary>
    /// First value: the first <c>report_viewed</c> after a signature in the period; null when not reached in the
    /// period, never bought, or for <see cref="CustomerAtStart"/> accounts (who reached it before the period).
    /// </summary>
    public DateTime? FirstValueAt { get; init; }

    /// <summary>Whole and fractional days from the signature to first value (2 decimals), when both are known.</summary>
    public double? DaysToFirstValue => FirstValueAt is { } value && SignedAt is { } signed
        ? Math.Round((value - signed).TotalDays * 100) / 100
        : null;

    /// <summary>The person id of the account's champion, if it has one (present or lost).</summary>
    public string? ChampionId { get; init; }

    /// <summary>True when the account emitted a <c>churned</c> event.</summary>
    public bool Churned { get; init; }

    /// <summary>The time of the <c>churned</c> event.</summary>
    public DateTime? ChurnedAt { get; init; }

    /// <summary>True when the account added seats or upgraded its plan (<c>seats_added</c>, <c>plan_upgraded</c>).</summary>
    public bool Expanded { get; init; }

    /// <summary>True when the account reduced seats or downgraded (<c>seats_reduced</c>, <c>plan_downgraded</c>).</summary>
    public bool Contracted { get; init; }

    /// <summary>Monthly recurring revenue at the end of the period (0 when never bought or churned), USD.</summary>
    public long FinalMrr { get; init; }

    /// <summary>Events emitted for this account.</summary>
    public int Events { get; init; }
}
