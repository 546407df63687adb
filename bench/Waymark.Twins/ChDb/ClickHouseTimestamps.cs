namespace Waymark.Twins.ChDb;

/// <summary>
/// How to hand Waymark's millisecond timestamps to ClickHouse's funnel functions, and what unit
/// their windows are then in. Checked against chDB 26.7.3 by <c>ClickHouseTimestampsTests</c>.
/// </summary>
/// <remarks>
/// <para><b>DateTime64 is refused.</b> <c>windowFunnel</c> takes a timestamp of type Date,
/// DateTime or an unsigned integer only; given <c>DateTime64(3)</c> (or any precision) it fails
/// with code 43, ILLEGAL_TYPE_OF_ARGUMENT ("must be Unsigned Number, Date, DateTime"), and so
/// does a signed <c>Int64</c> such as <c>toUnixTimestamp64Milli(ts)</c> itself.
/// <c>sequenceMatch</c> and <c>sequenceCount</c> refuse DateTime64 too ("must be DateTime") and
/// accept unsigned integers.</para>
/// <para><b>The window is in the timestamp's own unit.</b> The documentation says only that the
/// unit "depends on the timestamp": it is one tick of the value passed. Given
/// <see cref="Seconds"/> (a DateTime) the window is in seconds; given <see cref="Milliseconds"/>
/// (a UInt64 of Unix milliseconds) it is in milliseconds, and so is the <c>(?t&lt;=N)</c> of a
/// <c>sequenceMatch</c> pattern. The window is inclusive at both ends: a chain counts when
/// <c>first ≤ each next ≤ first + window</c>, measured from the event that matched the first
/// condition.</para>
/// <para><b>Prefer milliseconds.</b> <see cref="Seconds"/> truncates to the whole second, so
/// events within one second tie, and <c>windowFunnel</c> takes tied events in condition order:
/// <c>b</c> at .100 then <c>a</c> at .900 counts as the chain a→b (level 2) in seconds but
/// level 1 in milliseconds. Events at the very same millisecond still tie (level 2); the
/// <c>'strict_increase'</c> mode refuses ties.</para>
/// </remarks>
public static class ClickHouseTimestamps
{
    /// <summary>
    /// A UInt64 of Unix milliseconds from a DateTime64 column or expression: pass it as the
    /// timestamp and give windows in milliseconds.
    /// </summary>
    public static string Milliseconds(string dateTime64) => $"toUInt64(toUnixTimestamp64Milli({dateTime64}))";

    /// <summary>
    /// A DateTime (whole seconds, truncated) from a DateTime64 column or expression: pass it as
    /// the timestamp and give windows in seconds.
    /// </summary>
    public static string Seconds(string dateTime64) => $"toDateTime({dateTime64})";
}
