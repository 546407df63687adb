using DuckDB.NET.Data;
using Waymark.Engine.Snapshot;
using Waymark.Twins;

namespace Waymark.Engine.Tests.Kernels;

/// <summary>Hand-made event sets for kernel suites, as <see cref="TwinEvents"/> so every implementation gets the same rows.</summary>
internal static class Trace
{
    /// <summary>Events from (subject, minutes after <see cref="Some.Day0"/>, name) in row order; account subjects with traits.</summary>
    public static TwinEvents Of(params (string Subject, long Minutes, string Name)[] events) =>
        new(SubjectKind.Person, events.Select(e => new TwinEvent(e.Subject, Some.Day0 + (e.Minutes * Some.Minute), e.Name, "{}")).ToList(), Traits(events.Select(e => e.Subject)));

    /// <summary>Events with properties.</summary>
    public static TwinEvents WithProperties(params (string Subject, long Minutes, string Name, string Properties)[] events) =>
        new(SubjectKind.Person, events.Select(e => new TwinEvent(e.Subject, Some.Day0 + (e.Minutes * Some.Minute), e.Name, e.Properties)).ToList(), Traits(events.Select(e => e.Subject)));

    // Every subject gets {"tier": "<first letter of its id>"} so cohorts can select by it.
    private static Dictionary<string, string> Traits(IEnumerable<string> subjects) =>
        subjects.Distinct().ToDictionary(s => s, s => $$"""{"tier":"{{s[..1]}}"}""");

    /// <summary>
    /// The engine's snapshot of <paramref name="twins"/> with tiny partitions (several workers and
    /// merges even for a handful of events); when <paramref name="lateFrom"/> is given, rows from
    /// it on are appended to a snapshot of the earlier rows through <see cref="EventLog.Builder.From"/>.
    /// </summary>
    public static EventLog Engine(TwinEvents twins, int? lateFrom = null, int partitionTarget = 4)
    {
        var split = lateFrom ?? twins.Events.Count;
        var first = new TwinEvents(twins.SubjectKind, twins.Events.Take(split).ToList(), twins.Traits).ToEventLog(partitionTarget);
        if (split == twins.Events.Count)
        {
            return first;
        }

        var builder = EventLog.Builder.From(first);
        foreach (var e in twins.Events.Skip(split))
        {
            builder.AddEvent(e.Subject, e.Time, e.Name, e.Properties);
        }

        foreach (var (subject, traits) in twins.Traits)
        {
            builder.SetTraits(subject, traits);
        }

        return builder.Build();
    }

    /// <summary>Runs <paramref name="run"/> on an in-memory DuckDB holding <paramref name="twins"/>.</summary>
    public static T Duck<T>(TwinEvents twins, Func<DuckDBConnection, T> run)
    {
        using var connection = twins.ToDuckDb();
        return run(connection);
    }

    /// <summary>Asserts two doubles agree to 1e-9 relative (SQL and C# round differently in the last bits).</summary>
    public static void Near(double expected, double actual, string what = "")
    {
        var tolerance = Math.Max(1e-9, Math.Abs(expected) * 1e-9);
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"{what}: expected {expected}, got {actual}");
    }
}
