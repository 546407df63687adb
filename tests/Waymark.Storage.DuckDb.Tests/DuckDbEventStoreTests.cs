using Waymark.Core.Errors;
using Waymark.Core.Model;

namespace Waymark.Storage.DuckDb.Tests;

public sealed class DuckDbEventStoreTests
{
    [Fact]
    public void Open_NewFile_AppliesEveryMigration()
    {
        using var db = new TempDatabase();
        using (var store = db.Open())
        {
            Assert.Equal(Migrations.Latest, store.SchemaVersion);
        }

        using var reopened = db.Open();
        Assert.Equal(Migrations.Latest, reopened.SchemaVersion);
        Assert.Equal(["1", "2"], reopened.QueryColumn("SELECT version FROM schema_migrations ORDER BY version"));
    }

    [Fact]
    public void Open_DatabaseFromNewerWaymark_IsRefusedWithBothVersions()
    {
        using var db = new TempDatabase();
        using (var store = db.Open())
        {
            store.QueryColumn("INSERT INTO schema_migrations (version, description) VALUES (999, 'future') RETURNING version");
        }

        var error = Assert.Throws<WaymarkException>(db.Open);
        Assert.Contains("schema version 999", error.Message, StringComparison.Ordinal);
        Assert.Contains($"up to {Migrations.Latest}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_MissingFolder_SaysWhich()
    {
        var error = Assert.Throws<WaymarkException>(() => DuckDbEventStore.Open("/nonexistent-waymark-folder/w.db"));
        Assert.Contains("/nonexistent-waymark-folder", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_FileThatIsNotADatabase_IsAClearError()
    {
        using var db = new TempDatabase();
        File.WriteAllText(db.Path, "this is not a database");
        var error = Assert.Throws<WaymarkException>(db.Open);
        Assert.StartsWith(db.Path + ": cannot open the Waymark database", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Append_StoresEveryField()
    {
        using var db = new TempDatabase();
        using var store = db.Open();
        var e = Some.Event("m1") with
        {
            AnonymousId = "anon-1",
            AccountId = "acme",
            Channel = "web",
            Source = "app",
            Actor = Actor.Partner,
            Value = 12.5,
            Sentiment = -0.25,
            Properties = Some.Traits("""{"plan":"pro","seats":5}"""),
            Timestamp = new DateTime(2026, 3, 1, 9, 0, 0, 123, DateTimeKind.Utc),
        };
        using (var session = store.BeginAppend())
        {
            session.Append(Some.Batch(e));
        }

        var row = store.QueryColumn("""
            SELECT concat_ws('|', message_id, strftime(ts, '%Y-%m-%dT%H:%M:%S.%g'), person_id, anonymous_id, account_id, name,
                             channel, source, actor, value, sentiment, properties) FROM events_view
            """);
        Assert.Equal(["m1|2026-03-01T09:00:00.123|p1|anon-1|acme|report_viewed|web|app|3|12.5|-0.25|{\"plan\":\"pro\",\"seats\":5}"], row);
    }

    [Fact]
    public void Stats_CountEventsNamesAndTimes()
    {
        using var db = new TempDatabase();
        using var store = db.Open();
        using (var session = store.BeginAppend())
        {
            session.Append(Some.Batch(
                Some.Event("a", "login", "p1", minute: 5, account: "acme"),
                Some.Event("b", "login", "p2", minute: 1),
                Some.Event("c", "report_viewed", "p1", minute: 9),
                Some.Event("d", "invite", null, minute: 3) with { AnonymousId = "anon-9" }));
        }

        var stats = store.GetStats();
        Assert.Equal(4, stats.Events);
        Assert.Equal(3, stats.People);
        Assert.Equal(1, stats.Accounts);
        Assert.Equal(3, stats.EventNameCount);
        Assert.Equal(Some.Time.AddMinutes(1), stats.FirstTime);
        Assert.Equal(Some.Time.AddMinutes(9), stats.LastTime);
        Assert.Equal([new("login", 2), new("invite", 1), new("report_viewed", 1)], stats.EventNames);
    }

    [Fact]
    public void Stats_EmptyStore_HasNoTimes()
    {
        using var db = new TempDatabase();
        using var store = db.Open();
        var stats = store.GetStats();
        Assert.Equal(0, stats.Events);
        Assert.Null(stats.FirstTime);
        Assert.Empty(stats.EventNames);
    }

    [Fact]
    public void BeginAppend_Twice_IsRefusedUntilTheFirstEnds()
    {
        using var db = new TempDatabase();
        using var store = db.Open();
        using (store.BeginAppend())
        {
            Assert.Throws<WaymarkException>(() => store.BeginAppend());
        }

        using var second = store.BeginAppend();
        Assert.Equal(default, second.Total);
    }
}
