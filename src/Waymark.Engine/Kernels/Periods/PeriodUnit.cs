namespace Waymark.Engine.Kernels.Periods;

/// <summary>The calendar period that retention and frequency group by, always in UTC.</summary>
public enum PeriodUnit
{
    /// <summary>UTC days, from midnight (included) to the next midnight (excluded).</summary>
    Day,

    /// <summary>Seven UTC days from midnight of the chosen first day of the week (Monday unless said otherwise, as ISO 8601).</summary>
    Week,

    /// <summary>Calendar months, from midnight UTC of the 1st (included) to the 1st of the next month (excluded).</summary>
    Month,
}
