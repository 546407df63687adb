using System.Text.Json;
using Waymark.Core.Journeys;
using Waymark.Core.Model;

namespace Waymark.Storage.DuckDb.Journeys;

/// <summary>
/// The JSON a webhook posts: one firing. A wire contract: keys are never renamed or removed.
/// <code>{"map":"team-onboarding","version":2,"subject":"acme","instance":1,"contingency":"stalled-call",
/// "fired_at":"2026-03-01T09:00:00.000Z","reason":"…","status":"stalled"}</code>
/// <c>status</c> is the instance's status when the firing was recorded; times are UTC ISO 8601 with milliseconds.
/// </summary>
internal static class WebhookPayload
{
    public static string Of(FiringRecord firing)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("map", firing.MapId);
            json.WriteNumber("version", firing.MapVersion);
            json.WriteString("subject", firing.Subject);
            json.WriteNumber("instance", firing.InstanceNumber);
            json.WriteString("contingency", firing.ContingencyId);
            json.WriteString("fired_at", Timestamps.Format(firing.FiredAt));
            json.WriteString("reason", firing.Reason);
            json.WriteString("status", JourneyNames.Of(firing.InstanceStatus));
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
