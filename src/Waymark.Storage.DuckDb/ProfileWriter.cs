using System.Text.Json;
using System.Text.Json.Nodes;
using DuckDB.NET.Data;
using Waymark.Core.Model;

namespace Waymark.Storage.DuckDb;

/// <summary>
/// Stores identify, group and alias messages as they came (the trait history), then folds
/// them into the current state: people and accounts with merged traits, memberships with
/// roles, and identities that lead an anonymous or old id to a person. Traits merge key by
/// key as JSON merge patches (RFC 7396: later values win, nested objects merge, a null
/// removes a trait), in arrival order; a group message that
/// names roles replaces the person's roles in that account.
/// </summary>
internal sealed class ProfileWriter(DuckDBConnection connection)
{
    /// <summary>Profile message kinds as stored. A storage contract: never renumber.</summary>
    internal enum Kind : byte { Identify = 1, Group = 2, Alias = 3 }

    private bool _tempTablesReady;

    public void Append(List<ProfileMessage> messages, List<ulong> hashes, DateTime receivedAt)
    {
        if (messages.Count == 0)
        {
            return;
        }

        AppendHistory(messages, hashes, receivedAt);
        EnsureTempTables();
        var people = new Folded();
        var accounts = new Folded();
        var memberships = new Dictionary<(string, string), (string Roles, DateTime Since)>();
        var identities = new Dictionary<string, (string Person, DateTime Since)>(StringComparer.Ordinal);
        foreach (var message in messages)
        {
            switch (message)
            {
                case IdentifyMessage m:
                    people.Add(m.PersonId ?? m.AnonymousId!, m.Traits, m.Timestamp);
                    if (m.PersonId is not null && m.AnonymousId is not null)
                    {
                        identities[m.AnonymousId] = (m.PersonId, m.Timestamp);
                    }

                    break;
                case GroupMessage m:
                    accounts.Add(m.AccountId, m.Traits, m.Timestamp);
                    var person = m.PersonId ?? m.AnonymousId;
                    if (person is not null)
                    {
                        var roles = JsonSerializer.Serialize(m.Roles, StorageJsonContext.Default.IReadOnlyListString);
                        memberships[(person, m.AccountId)] = (roles, m.Timestamp);
                    }

                    break;
                case AliasMessage m:
                    identities[m.PreviousId] = (m.PersonId, m.Timestamp);
                    break;
            }
        }

        Upsert("people", "person_id", people);
        Upsert("accounts", "account_id", accounts);
        UpsertMemberships(memberships);
        UpsertIdentities(identities);
    }

    private void AppendHistory(List<ProfileMessage> messages, List<ulong> hashes, DateTime receivedAt)
    {
        using var appender = new ChunkAppender(connection, "profile_messages");
        for (var i = 0; i < messages.Count; i++)
        {
            var message = messages[i];
            var (kind, person, anonymous, account, previous, traits, roles) = message switch
            {
                IdentifyMessage m => (Kind.Identify, m.PersonId, m.AnonymousId, null, null, m.Traits.Json, null),
                GroupMessage m => (Kind.Group, m.PersonId, m.AnonymousId, m.AccountId, null, m.Traits.Json,
                    JsonSerializer.Serialize(m.Roles, StorageJsonContext.Default.IReadOnlyListString)),
                AliasMessage m => (Kind.Alias, m.PersonId, (string?)null, (string?)null, m.PreviousId, "{}", (string?)null),
                _ => throw new ArgumentException($"unknown profile message {message.GetType().Name}", nameof(messages)),
            };
            appender.SetUInt64(0, hashes[i]);
            appender.SetString(1, message.MessageId);
            appender.SetByte(2, (byte)kind);
            appender.SetTimestamp(3, message.Timestamp);
            appender.SetString(4, person);
            appender.SetString(5, anonymous);
            appender.SetString(6, account);
            appender.SetString(7, previous);
            appender.SetString(8, traits);
            appender.SetString(9, roles);
            appender.SetTimestamp(10, receivedAt);
            appender.EndRow();
        }
    }

    private void Upsert(string table, string key, Folded folded)
    {
        if (folded.Count == 0)
        {
            return;
        }

        using (var appender = new ChunkAppender(connection, "profile_upserts"))
        {
            foreach (var (id, entry) in folded)
            {
                appender.SetString(0, id);
                appender.SetString(1, entry.Json);
                appender.SetTimestamp(2, entry.First);
                appender.SetTimestamp(3, entry.Last);
                appender.EndRow();
            }
        }

        // Update then insert, rather than ON CONFLICT: the stored traits must see the patch with
        // its nulls, while a new row gets the patch applied to nothing (nulls dropped).
        Sql.Execute(connection, $$"""
            UPDATE {{table}} SET
                traits = json_merge_patch({{table}}.traits, u.traits)::VARCHAR,
                first_seen = least({{table}}.first_seen, u.first_seen),
                last_seen = greatest({{table}}.last_seen, u.last_seen)
            FROM profile_upserts u WHERE {{table}}.{{key}} = u.id;
            INSERT INTO {{table}}
            SELECT id, json_merge_patch('{}', traits)::VARCHAR, first_seen, last_seen FROM profile_upserts u
            WHERE NOT EXISTS (SELECT 1 FROM {{table}} t WHERE t.{{key}} = u.id);
            DELETE FROM profile_upserts;
            """);
    }

    private void UpsertMemberships(Dictionary<(string Person, string Account), (string Roles, DateTime Since)> memberships)
    {
        if (memberships.Count == 0)
        {
            return;
        }

        using (var appender = new ChunkAppender(connection, "membership_upserts"))
        {
            foreach (var ((person, account), (roles, since)) in memberships)
            {
                appender.SetString(0, person);
                appender.SetString(1, account);
                appender.SetString(2, roles);
                appender.SetTimestamp(3, since);
                appender.EndRow();
            }
        }

        Sql.Execute(connection, """
            UPDATE memberships SET
                roles = CASE WHEN u.roles = '[]' THEN memberships.roles ELSE u.roles END,
                since = least(memberships.since, u.since)
            FROM membership_upserts u WHERE memberships.person_id = u.person_id AND memberships.account_id = u.account_id;
            INSERT INTO memberships SELECT person_id, account_id, roles, since FROM membership_upserts u
            WHERE NOT EXISTS (SELECT 1 FROM memberships m WHERE m.person_id = u.person_id AND m.account_id = u.account_id);
            DELETE FROM membership_upserts;
            """);
    }

    private void UpsertIdentities(Dictionary<string, (string Person, DateTime Since)> identities)
    {
        if (identities.Count == 0)
        {
            return;
        }

        using (var appender = new ChunkAppender(connection, "identity_upserts"))
        {
            foreach (var (alias, (person, since)) in identities)
            {
                appender.SetString(0, alias);
                appender.SetString(1, person);
                appender.SetTimestamp(2, since);
                appender.EndRow();
            }
        }

        Sql.Execute(connection, """
            UPDATE identities SET person_id = u.person_id, since = u.since FROM identity_upserts u WHERE identities.alias_id = u.alias_id;
            INSERT INTO identities SELECT alias_id, person_id, since FROM identity_upserts u
            WHERE NOT EXISTS (SELECT 1 FROM identities i WHERE i.alias_id = u.alias_id);
            DELETE FROM identity_upserts;
            """);
    }

    private void EnsureTempTables()
    {
        if (_tempTablesReady)
        {
            return;
        }

        Sql.Execute(connection, """
            CREATE TEMP TABLE IF NOT EXISTS profile_upserts (id VARCHAR, traits VARCHAR, first_seen TIMESTAMP, last_seen TIMESTAMP);
            CREATE TEMP TABLE IF NOT EXISTS membership_upserts (person_id VARCHAR, account_id VARCHAR, roles VARCHAR, since TIMESTAMP);
            CREATE TEMP TABLE IF NOT EXISTS identity_upserts (alias_id VARCHAR, person_id VARCHAR, since TIMESTAMP);
            """);
        _tempTablesReady = true;
    }

    /// <summary>
    /// The trait patches of one batch composed per id, so that applying the composed patch
    /// once equals applying each in turn (nulls are kept: they still remove stored traits).
    /// </summary>
    private sealed class Folded : Dictionary<string, Folded.Entry>
    {
        public Folded() : base(StringComparer.Ordinal)
        {
        }

        public void Add(string id, Properties traits, DateTime time)
        {
            if (!TryGetValue(id, out var entry))
            {
                // Most ids appear once per batch: keep their text as it came, parse nothing.
                this[id] = new Entry(traits.Json, null, traits.Json, time, time);
                return;
            }

            // A merge patch applied twice in a row changes nothing the second time.
            if (string.Equals(entry.LastPatch, traits.Json, StringComparison.Ordinal))
            {
                this[id] = entry with { First = time < entry.First ? time : entry.First, Last = time > entry.Last ? time : entry.Last };
                return;
            }

            var composed = entry.Composed ?? JsonNode.Parse(entry.Single!)!.AsObject();
            if (!traits.IsEmpty)
            {
                Compose(composed, JsonNode.Parse(traits.Json)!.AsObject());
            }

            this[id] = new Entry(null, composed, traits.Json, time < entry.First ? time : entry.First, time > entry.Last ? time : entry.Last);
        }

        /// <summary>The traits patch of one id: its only message's text, or the composition of several.</summary>
        public readonly record struct Entry(string? Single, JsonObject? Composed, string LastPatch, DateTime First, DateTime Last)
        {
            public string Json => Single ?? Composed!.ToJsonString();
        }

        // One corner differs from applying the patches in turn: a scalar replaced by an object
        // within one batch merges with an object stored by an earlier batch instead of replacing it.
        internal static void Compose(JsonObject target, JsonObject patch)
        {
            foreach (var (key, value) in patch.ToList())
            {
                patch.Remove(key);
                if (value is JsonObject inner && target[key] is JsonObject existing)
                {
                    Compose(existing, inner);
                }
                else
                {
                    target[key] = value;
                }
            }
        }
    }
}
