using Waymark.App.Journeys;
using Waymark.Core.Journeys;
using Waymark.Journeys.Instances;
using Waymark.Storage.DuckDb;
using Waymark.Storage.DuckDb.Journeys;

namespace Waymark.App;

public sealed partial class Workspace
{
    // The journey tables exist in the DuckDB store only; Open always makes one.
    private DuckDbEventStore JourneyStore => (DuckDbEventStore)_store;

    /// <summary>Saves a map file's text as the map's next version when it changed; see <see cref="DuckDbEventStore.SaveMapVersion"/>.</summary>
    public MapVersionSaved SaveMapVersion(string mapId, string sourceText) => JourneyStore.SaveMapVersion(mapId, sourceText);

    /// <summary>Every saved version of a map, oldest first.</summary>
    public IReadOnlyList<MapVersion> MapVersions(string mapId) => JourneyStore.MapVersions(mapId);

    /// <summary>Records the instances' new contingency firings and runs their actions; returns how many were new. See <see cref="JourneyActions.Record"/>.</summary>
    public int RecordFirings(IEnumerable<JourneyMap> maps, IEnumerable<JourneyInstance> instances) =>
        new JourneyActions(JourneyStore).Record(maps, instances);

    /// <summary>The tasks contingencies created that pass <paramref name="filter"/>, by due time.</summary>
    public IReadOnlyList<JourneyTask> Tasks(TaskFilter? filter = null) => JourneyStore.Tasks(filter);

    /// <summary>Marks a task done; says whether it was open, already done or unknown.</summary>
    public TaskCompletion CompleteTask(long id) => JourneyStore.CompleteTask(id);

    /// <summary>The tags contingencies put on <paramref name="subject"/> (on everyone when null).</summary>
    public IReadOnlyList<SubjectTag> Tags(string? subject = null) => JourneyStore.Tags(subject);

    /// <summary>The notifications contingencies sent to <paramref name="department"/> (to every department when null).</summary>
    public IReadOnlyList<JourneyNotification> Notifications(string? department = null) => JourneyStore.Notifications(department);

    /// <summary>
    /// A dispatcher for this store's webhook outbox, on its own connection, posting through
    /// <paramref name="http"/> with this workspace's clock. Start its <see cref="WebhookDispatcher.RunAsync"/>
    /// on its own task; dispose it before the workspace.
    /// </summary>
    public WebhookDispatcher WebhookDispatcher(HttpClient http, WebhookRetryPolicy? policy = null) =>
        new(JourneyStore.OpenWebhookOutbox(), http, _time, policy);
}
