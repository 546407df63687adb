using Waymark.Core.Model;

namespace Waymark.Storage.DuckDb.Tests;

public sealed class ProfileWriterTests
{
    [Fact]
    public void Identify_MergesTraitsAcrossAndWithinBatches_NullRemoves()
    {
        using var db = new TempDatabase();
        using var store = db.Open();
        using var session = store.BeginAppend();
        session.Append(Some.Batch(Identify("1", """{"name":"Ada","plan":{"tier":"pro","seats":3},"title":"CTO"}""")));
        session.Append(Some.Batch(
            Identify("2", """{"plan":{"seats":5},"title":null}"""),
            Identify("3", """{"email":"ada@example.com"}""")));

        Assert.Equal(
            ["""{"name":"Ada","plan":{"tier":"pro","seats":5},"email":"ada@example.com"}"""],
            store.QueryColumn("SELECT traits FROM people WHERE person_id = 'p1'"));
    }

    [Fact]
    public void Identify_WithBothIds_MakesAnonymousEventsThePersons()
    {
        using var db = new TempDatabase();
        using var store = db.Open();
        using var session = store.BeginAppend();
        session.Append(Some.Batch(
            Some.Event("e1", "page_viewed", person: null) with { AnonymousId = "anon-1" },
            Some.Event("e2", "page_viewed", person: null) with { AnonymousId = "anon-2" },
            Some.Event("e3", "signed_up", person: "p1")));
        Assert.Equal(3, store.GetStats().People);

        session.Append(Some.Batch(new IdentifyMessage { MessageId = "i1", Timestamp = Some.Time, PersonId = "p1", AnonymousId = "anon-1" }));

        Assert.Equal(2, store.GetStats().People);
    }

    [Fact]
    public void Alias_LinksAnOldIdToThePerson()
    {
        using var db = new TempDatabase();
        using var store = db.Open();
        using var session = store.BeginAppend();
        session.Append(Some.Batch(Some.Event("e1", person: "old-id"), Some.Event("e2", person: "new-id")));
        session.Append(Some.Batch(new AliasMessage { MessageId = "al", Timestamp = Some.Time, PreviousId = "old-id", PersonId = "new-id" }));

        Assert.Equal(1, store.GetStats().People);
        Assert.Equal(["new-id"], store.QueryColumn("SELECT person_id FROM identities WHERE alias_id = 'old-id'"));
    }

    [Fact]
    public void Group_UpsertsAccountAndMembership_RolesReplacedOnlyWhenNamed()
    {
        using var db = new TempDatabase();
        using var store = db.Open();
        using var session = store.BeginAppend();
        session.Append(Some.Batch(Group("g1", "p1", """{"name":"Acme","segment":"smb"}""", "champion")));
        session.Append(Some.Batch(Group("g2", "p2", """{"segment":"enterprise"}""", "decision-maker", "economic-buyer")));
        session.Append(Some.Batch(Group("g3", "p1", "{}")));

        Assert.Equal(["""{"name":"Acme","segment":"enterprise"}"""], store.QueryColumn("SELECT traits FROM accounts"));
        Assert.Equal(
            ["""p1 ["champion"]""", """p2 ["decision-maker","economic-buyer"]"""],
            store.QueryColumn("SELECT person_id || ' ' || roles FROM memberships ORDER BY person_id"));
        var stats = store.GetStats();
        Assert.Equal(1, stats.Accounts);
        Assert.Equal(2, stats.People);
    }

    [Fact]
    public void ProfileMessages_AreKeptAsHistory()
    {
        using var db = new TempDatabase();
        using var store = db.Open();
        using var session = store.BeginAppend();
        session.Append(Some.Batch(Identify("1", """{"a":1}"""), Identify("2", """{"a":2}""")));

        Assert.Equal(["""{"a":1}""", """{"a":2}"""], store.QueryColumn("SELECT traits FROM profile_messages ORDER BY message_id"));
    }

    [Fact]
    public void ProfileMessages_History_KeepsEveryColumnOfEachKind_WithNullsWhereAbsent()
    {
        using var db = new TempDatabase();
        using var store = db.Open();
        using var session = store.BeginAppend();
        var later = Some.Time.AddMinutes(1).AddMilliseconds(7);
        session.Append(Some.Batch(
            new IdentifyMessage { MessageId = "i", Timestamp = Some.Time, AnonymousId = "anon-é", Traits = Some.Traits("""{"a":1}""") },
            Group("g", "p1", """{"n":"Acme"}""", "champion", "end-user") with { Timestamp = later },
            new AliasMessage { MessageId = "al", Timestamp = Some.Time, PreviousId = "old", PersonId = "p1" }));

        Assert.Equal(
            [
                """al|3|2026-03-01 09:00:00|p1|∅|∅|old|{}|∅""",
                """g|2|2026-03-01 09:01:00.007|p1|∅|acme|∅|{"n":"Acme"}|["champion","end-user"]""",
                """i|1|2026-03-01 09:00:00|∅|anon-é|∅|∅|{"a":1}|∅""",
            ],
            store.QueryColumn("""
                SELECT concat_ws('|', message_id, kind, ts, coalesce(person_id, '∅'), coalesce(anonymous_id, '∅'),
                    coalesce(account_id, '∅'), coalesce(previous_id, '∅'), traits, coalesce(roles, '∅'))
                FROM profile_messages ORDER BY message_id
                """));
        Assert.Equal(["3"], store.QueryColumn("SELECT count(DISTINCT id_hash) FROM profile_messages WHERE received_at >= ts"));
    }

    private static IdentifyMessage Identify(string id, string traits) =>
        new() { MessageId = id, Timestamp = Some.Time, PersonId = "p1", Traits = Some.Traits(traits) };

    private static GroupMessage Group(string id, string person, string traits, params string[] roles) =>
        new() { MessageId = id, Timestamp = Some.Time, PersonId = person, AccountId = "acme", Traits = Some.Traits(traits), Roles = roles };
}
