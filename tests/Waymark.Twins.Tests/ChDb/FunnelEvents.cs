using System.Globalization;
using Waymark.Twins.ChDb;

namespace Waymark.Twins.Tests.ChDb;

/// <summary>A table <c>e(subject, ts, name)</c> of events given as milliseconds after 2025-01-01 00:00:00 UTC.</summary>
internal static class FunnelEvents
{
    /// <summary>Creates <c>e</c> with <c>ts</c> of <paramref name="timestampType"/> and inserts the events.</summary>
    public static void Create(ChDbSession session, string timestampType, params (uint Subject, long Milliseconds, string Name)[] events)
    {
        session.Execute($"CREATE TABLE e (subject UInt32, ts {timestampType}, name String) ENGINE = MergeTree ORDER BY (subject, ts)");
        var values = string.Join(", ", events.Select(e =>
            string.Create(CultureInfo.InvariantCulture, $"({e.Subject}, {e.Milliseconds}, '{e.Name}')")));
        session.Execute($"""
            INSERT INTO e
            SELECT subject, toDateTime64('2025-01-01 00:00:00', 3, 'UTC') + toIntervalMillisecond(ms), name
            FROM values('subject UInt32, ms Int64, name String', {values})
            """);
    }

    /// <summary>Runs <c>SELECT subject, {aggregate} … GROUP BY subject</c>: each subject's value, in subject order.</summary>
    public static Dictionary<uint, long> PerSubject(ChDbSession session, string aggregate) =>
        session.Rows($"SELECT subject, {aggregate} FROM e GROUP BY subject ORDER BY subject")
            .ToDictionary(row => uint.Parse(row[0]!, CultureInfo.InvariantCulture), row => long.Parse(row[1]!, CultureInfo.InvariantCulture));
}
