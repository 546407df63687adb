using System.Globalization;

namespace Waymark.Cli;

/// <summary>How counts are shown in tables: with thousands separators, whatever the culture.</summary>
internal static class Numbers
{
    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
