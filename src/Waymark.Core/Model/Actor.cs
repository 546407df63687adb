namespace Waymark.Core.Model;

/// <summary>
/// Who acted in an event. A journey includes interactions beyond the vendor: the customer on
/// their own, with partners, competitors and peers. The numeric codes are stored on disk and
/// must never change (a golden test freezes them).
/// </summary>
public enum Actor : byte
{
    /// <summary>Not stated by the source.</summary>
    Unknown = 0,
    /// <summary>The customer (a person of the customer, or the customer's systems).</summary>
    Customer = 1,
    /// <summary>The vendor: its people, its product acting on its own, its campaigns.</summary>
    Vendor = 2,
    /// <summary>A partner of the vendor, such as a reseller or an integrator.</summary>
    Partner = 3,
    /// <summary>A competitor of the vendor.</summary>
    Competitor = 4,
    /// <summary>A peer of the customer: another customer, a community member, an analyst.</summary>
    Peer = 5,
}
