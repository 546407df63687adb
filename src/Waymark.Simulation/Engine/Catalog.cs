namespace Waymark.Simulation.Engine;

/// <summary>The fixed vocabularies the simulated company draws from.</summary>
internal static class Catalog
{
    public static readonly string[] Segments = ["smb", "mid-market", "enterprise"];
    public static readonly double[] SegmentShares = [0.60, 0.90, 1.00];

    public static readonly string[] Stages = ["early-market", "chasm", "tornado", "main-street"];
    public static readonly double[] StageShares = [0.12, 0.35, 0.65, 1.00];

    public static readonly string[] Regions = ["north-america", "emea", "apac", "latam"];
    public static readonly double[] RegionShares = [0.42, 0.76, 0.93, 1.00];

    /// <summary>Hour of the day (UTC) when the working day starts in each region.</summary>
    public static readonly int[] RegionWorkStartUtc = [13, 7, 0, 11];

    public static readonly string[] Industries =
    [
        "software", "financial-services", "healthcare", "retail", "manufacturing",
        "education", "logistics", "media", "energy", "public-sector",
    ];

    public static readonly string[] Plans = ["starter", "team", "business", "enterprise"];

    /// <summary>Monthly list price per seat of each plan, in USD.</summary>
    public static readonly int[] SeatPrice = [15, 29, 49, 89];

    public static readonly string[] Features =
    [
        "dashboards", "reports", "alerts", "exports", "sharing", "segments", "forecasting", "api",
    ];

    public static readonly string[] Integrations = ["salesforce", "hubspot", "snowflake", "slack", "zendesk", "bigquery"];

    public static readonly string[] Competitors = ["northwind-analytics", "contoso-insights", "fabrikam-bi", "tailspin-metrics"];

    public static readonly string[] UtmSources = ["google", "linkedin", "newsletter", "g2", "partner", "direct"];
    public static readonly string[] UtmMediums = ["cpc", "social", "email", "referral", "organic"];
    public static readonly string[] Campaigns = ["q1-launch", "reporting-pain", "weekly-reports", "cfo-guide", "bake-off-kit"];
    public static readonly string[] Pages = ["/", "/pricing", "/product/reports", "/customers", "/security", "/blog/weekly-reporting", "/docs"];
    public static readonly string[] ReviewSites = ["g2", "capterra", "trustradius"];
    public static readonly string[] Frequencies = ["daily", "weekly", "monthly"];

    public static readonly string[] FirstNames =
    [
        "Ada", "Ben", "Chloe", "Dmitri", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Keiko", "Liam",
        "Maya", "Noah", "Olga", "Priya", "Quentin", "Rosa", "Sam", "Tariq", "Uma", "Victor", "Wen", "Yara", "Zoe",
    ];

    public static readonly string[] LastNames =
    [
        "Adams", "Baker", "Costa", "Dubois", "Eriksen", "Fischer", "Garcia", "Hansen", "Ivanova", "Jensen",
        "Kowalski", "Lopez", "Moreau", "Nakamura", "Okafor", "Patel", "Rossi", "Schmidt", "Tanaka", "Weber",
    ];

    public static readonly string[] CompanyFirst =
    [
        "Blue", "North", "Bright", "Iron", "Silver", "Green", "Swift", "Clear", "Red", "Summit", "Harbor", "Pine",
    ];

    public static readonly string[] CompanySecond =
    [
        "river", "stone", "field", "works", "labs", "point", "wave", "bridge", "peak", "line", "forge", "leaf",
    ];

    /// <summary>Job titles by role code (index = <see cref="Core.Model.Role"/>).</summary>
    public static readonly string[][] Titles =
    [
        ["Analyst"],
        ["CEO", "COO", "VP Operations", "General Manager"],
        ["CFO", "VP Finance", "Finance Director"],
        ["CIO", "CTO", "Head of IT", "Data Engineering Lead"],
        ["Head of Analytics", "Operations Manager", "RevOps Lead"],
        ["Sales Director", "Marketing Manager", "Team Lead"],
        ["Analyst", "Account Manager", "Operations Specialist", "Sales Rep"],
    ];
}
