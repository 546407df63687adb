namespace Waymark.Core.Journeys;

/// <summary>Whose journey a map describes. Wire names: <c>customer</c>, <c>vendor</c>.</summary>
public enum Perspective
{
    /// <summary>The customer's journey towards a goal of their own.</summary>
    Customer,

    /// <summary>A vendor process (sales stages, a pricing flow): allowed, and always labelled as a vendor map.</summary>
    Vendor,
}

/// <summary>
/// The kind of journey by where the customer stands in the technology adoption life cycle. Wire
/// names: <c>discovery</c>, <c>diagnosis</c>, <c>buying-mission</c>, <c>continuous-improvement</c>, <c>other</c>.
/// </summary>
public enum JourneyKind
{
    /// <summary>Early market (visionaries, technology enthusiasts): finding out what is possible.</summary>
    Discovery,

    /// <summary>Crossing the chasm (pragmatists in pain): understanding the problem and trusting a prescription.</summary>
    Diagnosis,

    /// <summary>Inside the tornado (technical buyer and CIO with budget): RFPs, bake-offs, a buying group.</summary>
    BuyingMission,

    /// <summary>Main street (end users of an incumbent): getting more out of what they use, driven by telemetry.</summary>
    ContinuousImprovement,

    /// <summary>Any other journey.</summary>
    Other,
}

/// <summary>Who travels a journey. Wire names: <c>account</c>, <c>person</c>.</summary>
public enum JourneySubject
{
    /// <summary>An account: the events of all its people count.</summary>
    Account,

    /// <summary>One person: only their own events count.</summary>
    Person,
}

/// <summary>
/// Where in the customer lifecycle a journey sits, for grouping maps. Wire names: <c>purchase</c>,
/// <c>onboarding</c>, <c>adoption</c>, <c>renewal</c>, <c>expansion</c>, <c>advocacy</c>.
/// </summary>
public enum LifecycleStage
{
    /// <summary>Before the contract: discovery, diagnosis, a buying mission, a trial.</summary>
    Purchase,

    /// <summary>From the contract to first value.</summary>
    Onboarding,

    /// <summary>From first value to a habit.</summary>
    Adoption,

    /// <summary>Deciding to keep the product for another term.</summary>
    Renewal,

    /// <summary>Taking the product to more people, teams or a bigger plan.</summary>
    Expansion,

    /// <summary>Recommending the product to others.</summary>
    Advocacy,
}

/// <summary>
/// The dimension along which a customer perceives value. Wire names: <c>economic</c>,
/// <c>functional</c>, <c>experiential</c>, <c>symbolic</c>.
/// </summary>
public enum ValueDimension
{
    /// <summary>Money saved or earned, time saved.</summary>
    Economic,

    /// <summary>A job that now gets done.</summary>
    Functional,

    /// <summary>How it feels: less stress, more confidence.</summary>
    Experiential,

    /// <summary>What it says about the customer: being seen as modern, as a leader.</summary>
    Symbolic,
}

/// <summary>
/// The status of a journey instance, as JOURNEY-MAPS.md defines it. Wire names: <c>on-track</c>,
/// <c>at-risk</c>, <c>stalled</c>, <c>off-track</c>, <c>completed</c>, <c>abandoned</c>.
/// </summary>
public enum JourneyStatus
{
    /// <summary>None of the other statuses applies.</summary>
    OnTrack,

    /// <summary>A frontier milestone is past its due time.</summary>
    AtRisk,

    /// <summary>No progress and no activity for longer than the map's <c>stall_after</c>.</summary>
    Stalled,

    /// <summary>An <c>off_track_when</c> condition matched after the latest progress.</summary>
    OffTrack,

    /// <summary>Every milestone that is not optional is reached: the goal is realized.</summary>
    Completed,

    /// <summary><c>abandons_when</c> became true before completion.</summary>
    Abandoned,
}
