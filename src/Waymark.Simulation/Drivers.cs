namespace Waymark.Simulation;

/// <summary>How fast an account reaches first value after signing (its first <c>report_viewed</c>).</summary>
public enum FirstValueSpeed
{
    /// <summary>Within about 2–10 days; rarely stalls.</summary>
    Fast,
    /// <summary>About 20–75 days, and a third never get there; stalls and churns more.</summary>
    Slow,
}

/// <summary>Whether the account has a champion: someone who sells the product inside it.</summary>
public enum ChampionState
{
    /// <summary>A champion is there throughout.</summary>
    Present,
    /// <summary>No champion: less usage, lower odds of buying and of renewing.</summary>
    Absent,
    /// <summary>A champion was there and left on <see cref="AccountDrivers.ChampionLostAt"/>: their activity stops, usage drops, churn rises.</summary>
    Lost,
}

/// <summary>The support the account gets.</summary>
public enum SupportExperience
{
    /// <summary>Tickets resolved in hours, positive sentiment, CSAT 4–5.</summary>
    Good,
    /// <summary>Tickets resolved in days, negative sentiment, CSAT 1–3: raises churn, lowers NPS.</summary>
    Bad,
}

/// <summary>How well the product fits the account's needs.</summary>
public enum SegmentFit
{
    /// <summary>Good fit: more wins, more expansion.</summary>
    Good,
    /// <summary>Poor fit: fewer wins, little expansion, more downgrades and churn.</summary>
    Poor,
}

/// <summary>The hidden drivers of one account, drawn from its random stream before anything else.</summary>
/// <param name="TimeToFirstValue">Speed of first value.</param>
/// <param name="Champion">Champion presence.</param>
/// <param name="ChampionLostAt">
/// When the champion left: only for <see cref="ChampionState.Lost"/> accounts that were customers in the period
/// (30 days or more after the signature or the start); may fall after the period, when the loss had no effect yet.
/// </param>
/// <param name="Support">Support experience.</param>
/// <param name="Fit">Segment fit.</param>
public sealed record AccountDrivers(
    FirstValueSpeed TimeToFirstValue,
    ChampionState Champion,
    DateTime? ChampionLostAt,
    SupportExperience Support,
    SegmentFit Fit);
