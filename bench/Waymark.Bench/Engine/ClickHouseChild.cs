namespace Waymark.Bench.Engine;

/// <summary>The ClickHouse twins' runs, through libchdb (wired in once the ChDb wrapper lands).</summary>
internal static class ClickHouseChild
{
    public static bool Available => false;
}
