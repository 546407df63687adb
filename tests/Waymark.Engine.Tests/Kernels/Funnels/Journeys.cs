using Waymark.Engine.Snapshot;
using Waymark.Twins;

namespace Waymark.Engine.Tests.Kernels.Funnels;

/// <summary>Small hand-written journeys as <see cref="TwinEvents"/>, so the engine and its twins read the same rows.</summary>
internal static class Journeys
{
    /// <summary>Events given as (subject, minutes after <see cref="Some.Day0"/>, name), rows in the order given.</summary>
    public static TwinEvents Of(params (string Subject, long Minutes, string Name)[] events) =>
        With(null, [.. events.Select(e => (e.Subject, e.Minutes, e.Name, (string?)null))]);

    /// <summary>Events with properties, and traits per subject.</summary>
    public static TwinEvents With(IReadOnlyDictionary<string, string>? traits, params (string Subject, long Minutes, string Name, string? Properties)[] events) =>
        new(SubjectKind.Person, [.. events.Select(e => new TwinEvent(e.Subject, Some.Day0 + (e.Minutes * Some.Minute), e.Name, e.Properties ?? "{}"))], traits);

    public static TimeSpan Minutes(long minutes) => TimeSpan.FromMinutes(minutes);
}
