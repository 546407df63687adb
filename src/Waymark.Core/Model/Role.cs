namespace Waymark.Core.Model;

/// <summary>
/// The role a person plays in an account. In business-to-business buying many people with
/// different roles influence one purchase. The numeric codes are a storage contract.
/// </summary>
public enum Role : byte
{
    /// <summary>A role the source named that Waymark does not know; the name is kept as given.</summary>
    Other = 0,
    /// <summary>Makes the final decision.</summary>
    DecisionMaker = 1,
    /// <summary>Controls the budget.</summary>
    EconomicBuyer = 2,
    /// <summary>Judges technical fit (often with the CIO).</summary>
    TechnicalBuyer = 3,
    /// <summary>Sells the product inside the account.</summary>
    Champion = 4,
    /// <summary>Shapes the decision without making it.</summary>
    Influencer = 5,
    /// <summary>Uses the product day to day.</summary>
    EndUser = 6,
}
