using Microsoft.Extensions.Time.Testing;
using Waymark.App.Journeys;
using Waymark.Storage.DuckDb;
using Waymark.Storage.DuckDb.Journeys;
using Waymark.Tests;

namespace Waymark.App.Tests.Journeys;

public sealed class JourneyActionsTests
{
    private static readonly DateTime Now = new(2026, 3, 20, 12, 0, 0, DateTimeKind.Utc);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(Now));

    [Fact]
    public void Record_SameInstancesTwice_FiresOncePerInstanceAndContingency()
    {
        using var folder = new TempFolder();
        using var workspace = Workspace.Open(folder.Database, _clock);
        var map = SomeJourney.Map();
        // acme never views a report: due day 7, overdue by 3 days on day 10. globex views one on day 2.
        var events = new[]
        {
            SomeJourney.Event("acme", "contract_signed", 0),
            SomeJourney.Event("globex", "contract_signed", 0),
            SomeJourney.Event("globex", "report_viewed", 2),
        };
        var instances = SomeJourney.Instances(map, 11, events);
        Assert.Equal(2, workspace.RecordFirings([map], instances));
        Assert.Equal(0, workspace.RecordFirings([map], instances));
        Assert.Equal(0, workspace.RecordFirings([map], SomeJourney.Instances(map, 30, events)));

        var task = Assert.Single(workspace.Tasks());
        // Overdue by 3 days holds strictly after day 7 + 3 days: from 1 ms past day 10; the task is due 2 days later.
        var firedAt = SomeJourney.Day0.AddDays(10).AddMilliseconds(1);
        Assert.Equal(("acme", "Call the champion", "customer-success", "book a working session", firedAt.AddDays(2), JourneyTaskStatus.Open),
            (task.Subject, task.Title, task.Owner, task.Note, task.DueAt, task.Status));
        Assert.Equal([("account", "acme", "at-risk")], workspace.Tags().Select(t => (t.SubjectKind, t.Subject, t.Tag)));
        Assert.Equal([("sales", "acme"), ("customer-success", "globex")], workspace.Notifications().Select(n => (n.Department, n.Subject)));
    }

    [Fact]
    public void Record_LaterEvaluation_RecordsOnlyTheNewFirings()
    {
        using var folder = new TempFolder();
        using var workspace = Workspace.Open(folder.Database, _clock);
        var map = SomeJourney.Map();
        var signed = SomeJourney.Event("acme", "contract_signed", 0);
        var viewed = SomeJourney.Event("acme", "report_viewed", 12);
        Assert.Equal(1, workspace.RecordFirings([map], SomeJourney.Instances(map, 11, signed)));
        Assert.Equal(1, workspace.RecordFirings([map], SomeJourney.Instances(map, 13, signed, viewed)));
        Assert.Equal(["First report overdue", "First report seen"], workspace.Notifications().Select(n => n.Message));
        Assert.Single(workspace.Tasks());
    }

    [Fact]
    public void Record_Reopened_DoesNotFireAgain()
    {
        using var folder = new TempFolder();
        var map = SomeJourney.Map();
        var instances = SomeJourney.Instances(map, 11, SomeJourney.Event("acme", "contract_signed", 0));
        using (var store = DuckDbEventStore.Open(folder.Database, _clock))
        {
            Assert.Equal(1, new JourneyActions(store).Record([map], instances));
        }

        using var reopened = DuckDbEventStore.Open(folder.Database, _clock);
        Assert.Equal(0, new JourneyActions(reopened).Record([map], instances));
        using var outbox = reopened.OpenWebhookOutbox();
        Assert.Single(outbox.List());
    }

    [Fact]
    public void Record_InstanceWithoutItsMap_IsRefused()
    {
        using var folder = new TempFolder();
        using var workspace = Workspace.Open(folder.Database, _clock);
        var map = SomeJourney.Map();
        var instances = SomeJourney.Instances(map, 11, SomeJourney.Event("acme", "contract_signed", 0));
        var error = Assert.Throws<ArgumentException>(() => workspace.RecordFirings([], instances));
        Assert.Contains("'team-onboarding'", error.Message, StringComparison.Ordinal);
        Assert.Empty(workspace.Tasks());
    }
}
