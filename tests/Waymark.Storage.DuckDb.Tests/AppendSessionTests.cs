using Waymark.Core.Errors;
using Waymark.Core.Ingest;
using Waymark.Core.Model;
using Waymark.Core.Storage;

namespace Waymark.Storage.DuckDb.Tests;

public sealed class AppendSessionTests
{
    [Fact]
    public void Append_ReportsAcceptedDuplicatesAndRejected()
    {
        using var db = new TempDatabase();
        using var store = db.Open();
        using var session = store.BeginAppend();
        var batch = Some.Batch(Some.Event("a"), Some.Event("b"), Some.Event("a", minute: 7));
        batch.Errors.Add(new RecordError(new SourceLocation("f.jsonl", 4), "a JSON object", "[]"));

        var result = session.Append(batch);

        Assert.Equal(new(2, 1, 1), result);
        Assert.Equal(["0"], store.QueryColumn("SELECT minute(ts) FROM events WHERE message_id = 'a'"));
    }

    [Fact]
    public void Append_SameMessagesAgain_AddsNothing()
    {
        using var db = new TempDatabase();
        using var store = db.Open();
        using var session = store.BeginAppend();
        session.Append(Some.Batch(Some.Event("a"), Some.Event("b")));

        var again = session.Append(Some.Batch(Some.Event("b"), Some.Event("a"), Some.Event("c")));

        Assert.Equal(new(1, 2, 0), again);
        Assert.Equal(new(3, 2, 0), session.Total);
        Assert.Equal(3, store.GetStats().Events);
    }

    [Fact]
    public void Dedupe_HoldsAcrossRestarts()
    {
        using var db = new TempDatabase();
        using (var store = db.Open())
        using (var session = store.BeginAppend())
        {
            session.Append(Some.Batch(Some.Event("a"), Some.Event("b")));
        }

        using var reopened = db.Open();
        using var next = reopened.BeginAppend();
        Assert.Equal(new(1, 2, 0), next.Append(Some.Batch(Some.Event("a"), Some.Event("b"), Some.Event("c"))));
        Assert.Equal(3, reopened.GetStats().Events);
    }

    [Fact]
    public void Dedupe_SpansEventsAndProfileMessages()
    {
        using var db = new TempDatabase();
        using var store = db.Open();
        using var session = store.BeginAppend();
        session.Append(Some.Batch(new IdentifyMessage { MessageId = "x", Timestamp = Some.Time, PersonId = "p1" }));

        Assert.Equal(new(0, 1, 0), session.Append(Some.Batch(Some.Event("x"))));
    }

    [Fact]
    public void Dedupe_ProfileMessages_InsideABatch_AgainstStoredOnes_AndNotAfterARollback()
    {
        using var db = new TempDatabase();
        using var store = db.Open();
        using (var rolledBack = store.BeginAppend(AppendMode.AllOrNothing))
        {
            rolledBack.Append(Some.Batch(Identify("r", "p0")));
        }

        using var session = store.BeginAppend();
        var first = Some.Batch(Some.Event("e"));
        first.Profiles.AddRange([Identify("i", "p1"), Identify("i", "p2"), Identify("r", "p3")]);
        Assert.Equal(new(3, 1, 0), session.Append(first));

        var second = Some.Batch(Some.Event("r"));
        second.Profiles.AddRange([Identify("e", "p4"), Identify("j", "p5"), Identify("i", "p6")]);
        Assert.Equal(new(1, 3, 0), session.Append(second));

        Assert.Equal(["i|p1", "j|p5", "r|p3"], store.QueryColumn("SELECT message_id || '|' || person_id FROM profile_messages ORDER BY message_id"));
        Assert.Equal(["p1", "p3", "p5"], store.QueryColumn("SELECT person_id FROM people ORDER BY person_id"));
    }

    private static IdentifyMessage Identify(string id, string person) => new() { MessageId = id, Timestamp = Some.Time, PersonId = person };

    [Fact]
    public void AllOrNothing_WithoutCommit_StoresNothing_AndLaterAppendsStillWork()
    {
        using var db = new TempDatabase();
        using var store = db.Open();
        using (var session = store.BeginAppend(AppendMode.AllOrNothing))
        {
            Assert.Equal(new(2, 0, 0), session.Append(Some.Batch(Some.Event("a"), Some.Event("b"))));
            Assert.Equal(new(1, 1, 0), session.Append(Some.Batch(Some.Event("a"), Some.Event("c"))));
        }

        Assert.Equal(0, store.GetStats().Events);

        // The ids of the rolled-back session were seen by the index; they must not be taken for duplicates.
        using var retry = store.BeginAppend();
        Assert.Equal(new(3, 0, 0), retry.Append(Some.Batch(Some.Event("a"), Some.Event("b"), Some.Event("c"))));
    }

    [Fact]
    public void Rollback_ForgetsNewDictionaryEntries_SoLaterCodesStayRight()
    {
        using var db = new TempDatabase();
        using var store = db.Open();
        using (var session = store.BeginAppend(AppendMode.AllOrNothing))
        {
            session.Append(Some.Batch(Some.Event("a", "never_committed", "ghost") with { Channel = "nowhere" }));
        }

        using (var session = store.BeginAppend())
        {
            session.Append(Some.Batch(Some.Event("b", "kept", "p1") with { Channel = "web" }));
        }

        Assert.Equal(["b|kept|p1|web"], store.QueryColumn("SELECT concat_ws('|', message_id, name, person_id, channel) FROM events_view"));
        Assert.Equal(["0|kept", "0|web", "0|p1"], store.QueryColumn("SELECT code || '|' || value FROM dictionary ORDER BY kind"));
    }

    [Fact]
    public void Bulk_HoldsEventsShortOfARowGroupAndProfileMessagesUntilCommit_AndCountsThemThen()
    {
        using var db = new TempDatabase();
        using var store = db.Open();
        using var session = store.BeginAppend(AppendMode.Bulk);
        var first = Some.Batch(Some.Event("a"), Some.Event("b"));
        first.Profiles.Add(new IdentifyMessage { MessageId = "i", Timestamp = Some.Time, PersonId = "p1" });

        Assert.Equal(new(0, 0, 0), session.Append(first));
        Assert.Equal(new(0, 2, 0), session.Append(Some.Batch(Some.Event("a", minute: 5), Some.Event("c"), Some.Event("i"))));
        Assert.Equal(0, store.GetStats().Events);
        Assert.Equal(["0"], store.QueryColumn("SELECT count(*) FROM people"));

        session.Commit();

        Assert.Equal(new(4, 2, 0), session.Total);
        Assert.Equal(3, store.GetStats().Events);
        Assert.Equal(["0"], store.QueryColumn("SELECT minute(ts) FROM events WHERE message_id = 'a'"));
        Assert.Equal(["p1"], store.QueryColumn("SELECT person_id FROM people"));
    }

    [Fact]
    public void Bulk_StoresAndFoldsProfileMessagesOnceEnoughHaveCome()
    {
        using var db = new TempDatabase();
        using var store = db.Open();
        using var session = store.BeginAppend(AppendMode.Bulk);
        var batch = new MessageBatch();
        for (var i = 0; i < DuckDbEventStore.ProfileFoldMessages; i++)
        {
            batch.Profiles.Add(new IdentifyMessage
            {
                MessageId = $"i{i}",
                Timestamp = Some.Time,
                PersonId = $"p{i % 100}",
                Traits = Some.Traits($$"""{"n":{{i}},"same":true}"""),
            });
        }

        Assert.Equal(new(DuckDbEventStore.ProfileFoldMessages, 0, 0), session.Append(batch));
        Assert.Equal(["100"], store.QueryColumn("SELECT count(*) FROM people"));
        Assert.Equal(["""{"n":32767,"same":true}"""], store.QueryColumn("SELECT traits FROM people WHERE person_id = 'p67'"));
    }

    [Fact]
    public async Task Prepare_OnAnotherThread_ThenAppend_StoresAndDedupesAsAppendDoes()
    {
        using var db = new TempDatabase();
        using var store = db.Open();
        using var session = store.BeginAppend();
        var first = await Task.Run(() => session.Prepare(Some.Batch(Some.Event("a", account: "acme"), Some.Event("b"))));
        var second = await Task.Run(() => session.Prepare(Some.Batch(Some.Event("b"), Some.Event("c", name: "signed_up"))));

        Assert.Equal(new(2, 0, 0), session.Append(first));
        Assert.Equal(new(1, 1, 0), session.Append(second));
        Assert.Equal(["a|report_viewed|acme", "b|report_viewed|", "c|signed_up|"],
            store.QueryColumn("SELECT concat_ws('|', message_id, name, coalesce(account_id, '')) FROM events_view ORDER BY message_id"));
    }

    [Fact]
    public void Append_BatchPreparedBeforeARollback_IsRefused()
    {
        using var db = new TempDatabase();
        using var store = db.Open();
        IPreparedBatch stale;
        using (var session = store.BeginAppend(AppendMode.AllOrNothing))
        {
            stale = session.Prepare(Some.Batch(Some.Event("a", name: "new_name")));
        }

        using var next = store.BeginAppend();
        Assert.Throws<InvalidOperationException>(() => next.Append(stale));
        Assert.Equal(new(1, 0, 0), next.Append(Some.Batch(Some.Event("a", name: "new_name"))));
        Assert.Equal(["0|new_name"], store.QueryColumn("SELECT code || '|' || value FROM dictionary WHERE kind = 0"));
    }

    [Fact]
    public void BulkSession_LimitsDuckDbThreadsAndMemory_AndPutsThemBack()
    {
        using var db = new TempDatabase();
        using var store = db.Open();
        var before = store.QueryColumn("SELECT current_setting('threads') || '|' || current_setting('memory_limit')");
        using (var session = store.BeginAppend(AppendMode.Bulk))
        {
            Assert.Equal(["1"], store.QueryColumn("SELECT current_setting('threads')"));
            Assert.Equal(["128.0 MiB"], store.QueryColumn("SELECT current_setting('memory_limit')"));
            session.Append(Some.Batch(Some.Event("a")));
            session.Commit();
        }

        Assert.Equal(before, store.QueryColumn("SELECT current_setting('threads') || '|' || current_setting('memory_limit')"));
        Assert.Equal(1, store.GetStats().Events);
    }

    [Fact]
    public void Bulk_WritesWholeRowGroupsAtOnce_AndKeepsOnlyWhatItReportedWithoutCommit()
    {
        using var db = new TempDatabase();
        using (var store = db.Open())
        using (var session = store.BeginAppend(AppendMode.Bulk))
        {
            var events = Enumerable.Range(0, DuckDbEventStore.RowGroupRows + 10).Select(i => Some.Event($"m{i}")).ToArray();
            Assert.Equal(new(DuckDbEventStore.RowGroupRows, 0, 0), session.Append(Some.Batch(events)));
        }

        using var reopened = db.Open();
        Assert.Equal(DuckDbEventStore.RowGroupRows, reopened.GetStats().Events);
    }

    [Fact]
    public void AllOrNothing_Commit_StoresEverything()
    {
        using var db = new TempDatabase();
        using (var store = db.Open())
        using (var session = store.BeginAppend(AppendMode.AllOrNothing))
        {
            session.Append(Some.Batch(Some.Event("a")));
            session.Append(Some.Batch(Some.Event("b")));
            session.Commit();
        }

        using var reopened = db.Open();
        Assert.Equal(2, reopened.GetStats().Events);
    }

    [Fact]
    public void PerBatch_EachAppendIsDurableOnReturn()
    {
        using var db = new TempDatabase();
        using var store = db.Open();
        using var session = store.BeginAppend();
        session.Append(Some.Batch(Some.Event("a")));

        // A second connection sees committed data only.
        using var copyFolder = new TempDatabase();
        store.QueryColumn($"CHECKPOINT");
        File.Copy(db.Path, copyFolder.Path);
        using var copy = copyFolder.Open();
        Assert.Equal(1, copy.GetStats().Events);
    }
}
