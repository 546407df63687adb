using DuckDB.NET.Data;
using Waymark.Core.Errors;

namespace Waymark.Storage.DuckDb;

/// <summary>
/// The store's schema, as numbered migrations applied in order, each in its own transaction.
/// A migration, once released, is never edited: a change is a new migration.
/// </summary>
internal static class Migrations
{
    /// <summary>The schema version this build writes.</summary>
    public static int Latest => All[^1].Version;

    internal static readonly (int Version, string Description, string Sql)[] All =
    [
        (1, "dictionary, events (dictionary-coded) and events_view, profile messages, people, accounts, memberships, identities", """
            CREATE TABLE dictionary (
                kind  UTINYINT NOT NULL,
                code  UINTEGER NOT NULL,
                value VARCHAR  NOT NULL
            );
            CREATE TABLE events (
                id_hash      UBIGINT   NOT NULL,
                message_id   VARCHAR   NOT NULL,
                ts           TIMESTAMP NOT NULL,
                person       UINTEGER,
                anonymous    UINTEGER,
                account      UINTEGER,
                name         UINTEGER  NOT NULL,
                channel      UINTEGER,
                source       UINTEGER,
                actor        UTINYINT  NOT NULL,
                value        DOUBLE,
                sentiment    DOUBLE,
                properties   VARCHAR   NOT NULL,
                received_at  TIMESTAMP NOT NULL
            );
            CREATE VIEW events_view AS
            SELECT e.id_hash, e.message_id, e.ts, p.value AS person_id, an.value AS anonymous_id, ac.value AS account_id,
                   n.value AS name, ch.value AS channel, so.value AS source, e.actor, e.value, e.sentiment, e.properties, e.received_at
            FROM events e
            JOIN dictionary n ON n.kind = 0 AND n.code = e.name
            LEFT JOIN dictionary ch ON ch.kind = 1 AND ch.code = e.channel
            LEFT JOIN dictionary so ON so.kind = 2 AND so.code = e.source
            LEFT JOIN dictionary p ON p.kind = 3 AND p.code = e.person
            LEFT JOIN dictionary an ON an.kind = 3 AND an.code = e.anonymous
            LEFT JOIN dictionary ac ON ac.kind = 4 AND ac.code = e.account;
            CREATE TABLE profile_messages (
                id_hash      UBIGINT   NOT NULL,
                message_id   VARCHAR   NOT NULL,
                kind         UTINYINT  NOT NULL,
                ts           TIMESTAMP NOT NULL,
                person_id    VARCHAR,
                anonymous_id VARCHAR,
                account_id   VARCHAR,
                previous_id  VARCHAR,
                traits       VARCHAR   NOT NULL,
                roles        VARCHAR,
                received_at  TIMESTAMP NOT NULL
            );
            CREATE TABLE people (
                person_id  VARCHAR NOT NULL,
                traits     VARCHAR NOT NULL,
                first_seen TIMESTAMP NOT NULL,
                last_seen  TIMESTAMP NOT NULL
            );
            CREATE TABLE accounts (
                account_id VARCHAR NOT NULL,
                traits     VARCHAR NOT NULL,
                first_seen TIMESTAMP NOT NULL,
                last_seen  TIMESTAMP NOT NULL
            );
            CREATE TABLE memberships (
                person_id  VARCHAR NOT NULL,
                account_id VARCHAR NOT NULL,
                roles      VARCHAR NOT NULL,
                since      TIMESTAMP NOT NULL
            );
            CREATE TABLE identities (
                alias_id  VARCHAR NOT NULL,
                person_id VARCHAR NOT NULL,
                since     TIMESTAMP NOT NULL
            );
            """),
        (2, "journey map versions, contingency firings and their actions: tasks, subject tags, notifications, webhook outbox", """
            CREATE TABLE journey_map_versions (
                map_id       VARCHAR   NOT NULL,
                version      INTEGER   NOT NULL,
                content_hash VARCHAR   NOT NULL,
                source_text  VARCHAR   NOT NULL,
                saved_at     TIMESTAMP NOT NULL
            );
            CREATE TABLE journey_firings (
                map_id          VARCHAR   NOT NULL,
                map_version     INTEGER   NOT NULL,
                subject         VARCHAR   NOT NULL,
                instance_number INTEGER   NOT NULL,
                contingency_id  VARCHAR   NOT NULL,
                fired_at        TIMESTAMP NOT NULL,
                reason          VARCHAR   NOT NULL,
                recorded_at     TIMESTAMP NOT NULL
            );
            CREATE TABLE journey_tasks (
                id              BIGINT    NOT NULL,
                map_id          VARCHAR   NOT NULL,
                subject         VARCHAR   NOT NULL,
                instance_number INTEGER   NOT NULL,
                contingency_id  VARCHAR   NOT NULL,
                title           VARCHAR   NOT NULL,
                owner           VARCHAR   NOT NULL,
                note            VARCHAR,
                created_at      TIMESTAMP NOT NULL,
                due_at          TIMESTAMP NOT NULL,
                status          VARCHAR   NOT NULL,
                done_at         TIMESTAMP
            );
            CREATE TABLE subject_tags (
                subject_kind   VARCHAR   NOT NULL,
                subject        VARCHAR   NOT NULL,
                tag            VARCHAR   NOT NULL,
                map_id         VARCHAR   NOT NULL,
                contingency_id VARCHAR   NOT NULL,
                tagged_at      TIMESTAMP NOT NULL
            );
            CREATE TABLE notifications (
                id         BIGINT    NOT NULL,
                department VARCHAR   NOT NULL,
                message    VARCHAR   NOT NULL,
                map_id     VARCHAR   NOT NULL,
                subject    VARCHAR   NOT NULL,
                created_at TIMESTAMP NOT NULL
            );
            CREATE TABLE webhook_outbox (
                id              BIGINT    NOT NULL,
                url             VARCHAR   NOT NULL,
                payload         JSON      NOT NULL,
                created_at      TIMESTAMP NOT NULL,
                attempts        INTEGER   NOT NULL,
                next_attempt_at TIMESTAMP NOT NULL,
                status          VARCHAR   NOT NULL,
                last_error      VARCHAR,
                delivered_at    TIMESTAMP
            );
            """),
    ];

    /// <summary>Brings the database to <see cref="Latest"/>; refuses a database written by a newer build.</summary>
    public static void Apply(DuckDBConnection connection, string location)
    {
        Sql.Execute(connection, """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version     INTEGER PRIMARY KEY,
                description VARCHAR NOT NULL,
                applied_at  TIMESTAMP NOT NULL DEFAULT current_timestamp
            )
            """);
        var current = CurrentVersion(connection);
        if (current > Latest)
        {
            ThrowHelper.Throw(
                $"{location}: the database has schema version {current}, written by a newer Waymark; this one knows versions up to {Latest}. Upgrade Waymark.");
        }

        foreach (var (version, description, sql) in All)
        {
            if (version > current)
            {
                ApplyOne(connection, version, description, sql);
            }
        }
    }

    /// <summary>The highest applied migration, or 0 for a new database.</summary>
    public static int CurrentVersion(DuckDBConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT coalesce(max(version), 0) FROM schema_migrations";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void ApplyOne(DuckDBConnection connection, int version, string description, string sql)
    {
        using var transaction = connection.BeginTransaction();
        Sql.Execute(connection, sql);
        using var record = connection.CreateCommand();
        record.CommandText = "INSERT INTO schema_migrations (version, description) VALUES ($version, $description)";
        record.Parameters.Add(new DuckDBParameter("version", version));
        record.Parameters.Add(new DuckDBParameter("description", description));
        record.ExecuteNonQuery();
        transaction.Commit();
    }
}
