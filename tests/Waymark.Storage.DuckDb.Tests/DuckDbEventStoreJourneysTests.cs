using Microsoft.Extensions.Time.Testing;
using Waymark.Core.Journeys;
using Waymark.Storage.DuckDb.Journeys;
using Waymark.Storage.DuckDb.Tests.Journeys;

namespace Waymark.Storage.DuckDb.Tests;

public sealed class DuckDbEventStoreJourneysTests
{
    private static readonly DateTime Now = new(2026, 3, 12, 14, 0, 0, DateTimeKind.Utc);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(Now));

    [Fact]
    public void SaveMapVersion_SameTextTwice_KeepsOneVersion()
    {
        using var db = new TempDatabase();
        using var store = DuckDbEventStore.Open(db.Path, _clock);
        var first = store.SaveMapVersion("team-onboarding", "id: team-onboarding\n");
        _clock.Advance(TimeSpan.FromHours(1));
        var again = store.SaveMapVersion("team-onboarding", "id: team-onboarding\n");
        Assert.True(first.Created);
        Assert.False(again.Created);
        Assert.Equal(first.Version, again.Version);
        Assert.Equal(1, again.Version.Version);
        Assert.Equal(Now, again.Version.SavedAt);
        // SHA-256 of "id: team-onboarding\n", computed independently (sha256sum).
        Assert.Equal("ecd1a9c6441b7c9c4ea2ea17c8dbd4012f1140bbbb539316979d11bd2146f78b", first.Version.ContentHash);
    }

    [Fact]
    public void SaveMapVersion_ChangedText_IsTheNextVersion_AndRevertingIsAnotherOne()
    {
        using var db = new TempDatabase();
        using var store = DuckDbEventStore.Open(db.Path, _clock);
        store.SaveMapVersion("m", "a");
        var changed = store.SaveMapVersion("m", "b");
        var reverted = store.SaveMapVersion("m", "a");
        store.SaveMapVersion("other", "a");
        Assert.Equal(2, changed.Version.Version);
        Assert.True(reverted.Created);
        Assert.Equal(3, reverted.Version.Version);
        Assert.Equal(["a", "b", "a"], store.MapVersions("m").Select(v => v.SourceText));
        Assert.Equal([1], store.MapVersions("other").Select(v => v.Version));
        Assert.Empty(store.MapVersions("none"));
    }

    [Fact]
    public void RecordFirings_SameFiringsAgain_RecordsAndActsOnce()
    {
        using var db = new TempDatabase();
        using var store = DuckDbEventStore.Open(db.Path, _clock);
        FiringRecord[] firings =
        [
            SomeFiring.Of("acme", actions: SomeFiring.Task()),
            SomeFiring.Of("globex", actions: SomeFiring.Task()),
        ];
        Assert.Equal(2, store.RecordFirings(firings));
        Assert.Equal(0, store.RecordFirings(firings));
        Assert.Equal(1, store.RecordFirings([.. firings, SomeFiring.Of("acme", instance: 2, actions: SomeFiring.Task())]));
        Assert.Equal(["acme", "globex", "acme"], store.Tasks().Select(t => t.Subject));
        Assert.Equal(["3"], store.QueryColumn("SELECT count(*) FROM journey_firings"));
    }

    [Fact]
    public void RecordFirings_RepeatedKeyInOneCall_KeepsTheFirst()
    {
        using var db = new TempDatabase();
        using var store = DuckDbEventStore.Open(db.Path, _clock);
        var first = SomeFiring.Of(actions: SomeFiring.Task("first"));
        var repeat = first with { FiredAt = first.FiredAt.AddDays(1), Actions = [SomeFiring.Task("second")] };
        Assert.Equal(1, store.RecordFirings([first, repeat]));
        Assert.Equal(["first"], store.Tasks().Select(t => t.Title));
    }

    [Fact]
    public void RecordFirings_Reopened_FiringsAndActionsAreKept_AndNotRepeated()
    {
        using var db = new TempDatabase();
        var firing = SomeFiring.Of(actions: [SomeFiring.Task(), new AddTag("at-risk"), new Notify("sales", "Acme is at risk"),
            new CallWebhook(new Uri("http://127.0.0.1:9/hooks"))]);
        using (var store = DuckDbEventStore.Open(db.Path, _clock))
        {
            Assert.Equal(1, store.RecordFirings([firing]));
        }

        using var reopened = DuckDbEventStore.Open(db.Path, _clock);
        Assert.Equal(0, reopened.RecordFirings([firing]));
        Assert.Single(reopened.Tasks());
        Assert.Single(reopened.Tags());
        Assert.Single(reopened.Notifications());
        using var outbox = reopened.OpenWebhookOutbox();
        Assert.Single(outbox.List());
        Assert.Equal(["team-onboarding|1|acme|1|call-champion|2026-03-10 08:30:00|first-report is 3 days overdue|2026-03-12 14:00:00"], reopened.QueryColumn(
            "SELECT concat_ws('|', map_id, map_version, subject, instance_number, contingency_id, fired_at, reason, recorded_at) FROM journey_firings"));
    }

    [Fact]
    public void RecordFirings_Task_IsOpenAndDueAtFiringPlusDueIn()
    {
        using var db = new TempDatabase();
        using var store = DuckDbEventStore.Open(db.Path, _clock);
        store.RecordFirings([SomeFiring.Of(actions: SomeFiring.Task("Book a session", "customer:champion", dueInDays: 3, note: "use the template"))]);
        var task = Assert.Single(store.Tasks());
        Assert.Equal(new JourneyTask(1, "team-onboarding", "acme", 1, "call-champion", "Book a session", "customer:champion", "use the template",
            Now, new DateTime(2026, 3, 13, 8, 30, 0, DateTimeKind.Utc), JourneyTaskStatus.Open, null), task);
    }

    [Fact]
    public void Tasks_Filters_ByStatusOwnerAndMap()
    {
        using var db = new TempDatabase();
        using var store = DuckDbEventStore.Open(db.Path, _clock);
        store.RecordFirings(
        [
            SomeFiring.Of("a", actions: SomeFiring.Task(owner: "sales", dueInDays: 1)),
            SomeFiring.Of("b", actions: SomeFiring.Task(owner: "customer-success", dueInDays: 2)),
            SomeFiring.Of("c", map: "renewal", actions: SomeFiring.Task(owner: "sales", dueInDays: 3)),
        ]);
        Assert.Equal(TaskCompletion.Done, store.CompleteTask(1));
        Assert.Equal(["b", "c"], store.Tasks(new TaskFilter(JourneyTaskStatus.Open)).Select(t => t.Subject));
        Assert.Equal(["a"], store.Tasks(new TaskFilter(JourneyTaskStatus.Done)).Select(t => t.Subject));
        Assert.Equal(["a", "c"], store.Tasks(new TaskFilter(Owner: "sales")).Select(t => t.Subject));
        Assert.Equal(["c"], store.Tasks(new TaskFilter(JourneyTaskStatus.Open, "sales", "renewal")).Select(t => t.Subject));
        Assert.Empty(store.Tasks(new TaskFilter(MapId: "none")));
    }

    [Fact]
    public void CompleteTask_Twice_KeepsTheFirstDoneTime_AndUnknownIdIsNotFound()
    {
        using var db = new TempDatabase();
        using var store = DuckDbEventStore.Open(db.Path, _clock);
        store.RecordFirings([SomeFiring.Of(actions: SomeFiring.Task())]);
        Assert.Equal(TaskCompletion.Done, store.CompleteTask(1));
        _clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(TaskCompletion.AlreadyDone, store.CompleteTask(1));
        Assert.Equal(TaskCompletion.NotFound, store.CompleteTask(2));
        var task = Assert.Single(store.Tasks());
        Assert.Equal((JourneyTaskStatus.Done, (DateTime?)Now), (task.Status, task.DoneAt));
    }

    [Fact]
    public void RecordFirings_SameTagFromTwoFirings_TagsTheSubjectOnce()
    {
        using var db = new TempDatabase();
        using var store = DuckDbEventStore.Open(db.Path, _clock);
        store.RecordFirings([SomeFiring.Of("acme", contingency: "stalled", actions: new AddTag("at-risk"))]);
        _clock.Advance(TimeSpan.FromDays(1));
        store.RecordFirings(
        [
            SomeFiring.Of("acme", contingency: "overdue", actions: [new AddTag("at-risk"), new AddTag("call-list")]),
            SomeFiring.Of("globex", contingency: "overdue", actions: new AddTag("at-risk")),
        ]);
        Assert.Equal(
        [
            new SubjectTag("account", "acme", "at-risk", "team-onboarding", "stalled", Now),
            new SubjectTag("account", "acme", "call-list", "team-onboarding", "overdue", Now.AddDays(1)),
            new SubjectTag("account", "globex", "at-risk", "team-onboarding", "overdue", Now.AddDays(1)),
        ], store.Tags());
        Assert.Equal(["at-risk"], store.Tags("globex").Select(t => t.Tag));
    }

    [Fact]
    public void RecordFirings_Notify_ListsByDepartment()
    {
        using var db = new TempDatabase();
        using var store = DuckDbEventStore.Open(db.Path, _clock);
        store.RecordFirings(
        [
            SomeFiring.Of("acme", actions: new Notify("sales", "Acme stalled")),
            SomeFiring.Of("globex", actions: [new Notify("support", "Globex needs help"), new Notify("sales", "Globex too")]),
        ]);
        Assert.Equal(
        [
            new JourneyNotification(1, "sales", "Acme stalled", "team-onboarding", "acme", Now),
            new JourneyNotification(3, "sales", "Globex too", "team-onboarding", "globex", Now),
        ], store.Notifications("sales"));
        Assert.Equal([1L, 2L, 3L], store.Notifications().Select(n => n.Id));
    }

    [Fact]
    public void RecordFirings_WhileAnAppendSessionIsOpen_IsRefused()
    {
        using var db = new TempDatabase();
        using var store = DuckDbEventStore.Open(db.Path, _clock);
        using var session = store.BeginAppend();
        Assert.Throws<Core.Errors.WaymarkException>(() => store.RecordFirings([SomeFiring.Of(actions: new AddTag("x"))]));
    }
}
