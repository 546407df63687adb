namespace Waymark.Storage.DuckDb.Journeys;

/// <summary>
/// The words the journey tables hold for statuses. A storage contract (frozen by a golden test):
/// people query these tables with SQL, so the words never change meaning or spelling.
/// </summary>
internal static class JourneyWords
{
    /// <summary><c>journey_tasks.status</c> by <see cref="JourneyTaskStatus"/>.</summary>
    public static IReadOnlyList<string> TaskStatuses { get; } = ["open", "done"];

    /// <summary><c>webhook_outbox.status</c> by <see cref="WebhookStatus"/>.</summary>
    public static IReadOnlyList<string> WebhookStatuses { get; } = ["pending", "delivered", "failed"];

    public static string Of(JourneyTaskStatus status) => TaskStatuses[(int)status];

    public static string Of(WebhookStatus status) => WebhookStatuses[(int)status];

    public static JourneyTaskStatus TaskStatus(string word) => (JourneyTaskStatus)IndexOf(TaskStatuses, word);

    public static WebhookStatus WebhookStatus(string word) => (WebhookStatus)IndexOf(WebhookStatuses, word);

    private static int IndexOf(IReadOnlyList<string> words, string word)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if (string.Equals(words[i], word, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new InvalidDataException($"unknown status '{word}' in the database; expected one of: {string.Join(", ", words)}");
    }
}
