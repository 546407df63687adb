using Waymark.Engine.Snapshot;
using Waymark.Twins;

namespace Waymark.Engine.Tests.Kernels;

/// <summary>Small hand-written event lists for the kernel suites, as twin events (row i = entry i).</summary>
internal static class Timeline
{
    /// <summary>Events at whole seconds after <see cref="Some.Day0"/>.</summary>
    public static TwinEvents Seconds(params (string Subject, long Seconds, string Name)[] events) =>
        new(SubjectKind.Person, events.Select(e => new TwinEvent(e.Subject, Some.Day0 + (e.Seconds * 1000), e.Name, "{}")).ToList());

    /// <summary>Events at whole days (plus hours) after <see cref="Some.Day0"/> (a Thursday).</summary>
    public static TwinEvents Days(params (string Subject, double Days, string Name)[] events) =>
        new(SubjectKind.Person, events.Select(e => new TwinEvent(e.Subject, Some.Day0 + (long)(e.Days * Some.Day), e.Name, "{}")).ToList());

    /// <summary>Events at exact milliseconds after <see cref="Some.Day0"/>.</summary>
    public static TwinEvents Milliseconds(params (string Subject, long Milliseconds, string Name)[] events) =>
        new(SubjectKind.Person, events.Select(e => new TwinEvent(e.Subject, Some.Day0 + e.Milliseconds, e.Name, "{}")).ToList());

    /// <summary>The most frequent event names of a simulated company, most frequent first.</summary>
    public static string[] TopNames(TwinEvents events, int count) =>
        events.Events.GroupBy(e => e.Name).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(count).Select(g => g.Key).ToArray();
}
