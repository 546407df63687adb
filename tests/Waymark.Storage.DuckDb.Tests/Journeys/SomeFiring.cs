using Waymark.Core.Journeys;
using Waymark.Storage.DuckDb.Journeys;

namespace Waymark.Storage.DuckDb.Tests.Journeys;

/// <summary>Throwaway firings, so each test shows only what matters to it.</summary>
internal static class SomeFiring
{
    public static readonly DateTime FiredAt = new(2026, 3, 10, 8, 30, 0, DateTimeKind.Utc);

    public static FiringRecord Of(string subject = "acme", int instance = 1, string contingency = "call-champion", string map = "team-onboarding",
        params ContingencyAction[] actions) =>
        new(map, 1, JourneySubject.Account, subject, instance, JourneyStatus.AtRisk, contingency, FiredAt, "first-report is 3 days overdue", actions);

    public static CreateTask Task(string title = "Call the champion", string owner = "customer-success", int dueInDays = 2, string? note = null) =>
        new(title, Owner.TryParse(owner, out var parsed) ? parsed : throw new ArgumentException(owner), TimeSpan.FromDays(dueInDays), note);
}
