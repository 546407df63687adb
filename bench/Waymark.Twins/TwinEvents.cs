using System.Text.Json.Nodes;
using DuckDB.NET.Data;
using Waymark.Core.Ingest;
using Waymark.Core.Model;
using Waymark.Engine.Snapshot;
using Waymark.Simulation;

namespace Waymark.Twins;

/// <summary>One event as the twins see it: subject id, UTC milliseconds, name, properties as a JSON object.</summary>
public readonly record struct TwinEvent(string Subject, long Time, string Name, string Properties);

/// <summary>
/// The same events handed to the engine and to its independent twins (DuckDB SQL, ClickHouse),
/// so that a test or a benchmark compares answers on identical data. Row <c>i</c> of the DuckDB
/// table <c>events</c> is <see cref="Events"/>[i] and the engine's source row <c>i</c>.
/// </summary>
public sealed class TwinEvents
{
    public TwinEvents(SubjectKind subjectKind, IReadOnlyList<TwinEvent> events, IReadOnlyDictionary<string, string>? traits = null)
    {
        SubjectKind = subjectKind;
        Events = events;
        Traits = traits ?? new Dictionary<string, string>();
    }

    public SubjectKind SubjectKind { get; }

    public IReadOnlyList<TwinEvent> Events { get; }

    /// <summary>Each subject's traits as one JSON object (later messages merged over earlier ones).</summary>
    public IReadOnlyDictionary<string, string> Traits { get; }

    /// <summary>
    /// The events of a simulated company (people's events by person id or anonymous id, or by
    /// account), in the simulator's order, with traits from its identify or group messages.
    /// </summary>
    public static TwinEvents Simulate(ulong seed, int accounts, SubjectKind subjectKind)
    {
        var options = new SimulationOptions { Seed = seed, Accounts = accounts };
        var sink = new CollectingSink(subjectKind);
        new CompanySimulator(options).Run(sink);
        return new TwinEvents(subjectKind, sink.Events, sink.TraitJson());
    }

    /// <summary>The engine's snapshot of these events, rows in list order.</summary>
    public EventLog ToEventLog(int partitionTarget = 1 << 18)
    {
        var builder = new EventLog.Builder(SubjectKind) { PartitionTarget = partitionTarget };
        foreach (var e in Events)
        {
            builder.AddEvent(e.Subject, e.Time, e.Name, e.Properties);
        }

        foreach (var (subject, traits) in Traits)
        {
            builder.SetTraits(subject, traits);
        }

        return builder.Build();
    }

    /// <summary>
    /// An in-memory DuckDB database holding <c>events(row INTEGER, subject VARCHAR, ms BIGINT,
    /// ts TIMESTAMP_MS, name VARCHAR, properties JSON)</c> and <c>traits(subject VARCHAR, traits JSON)</c>.
    /// </summary>
    public DuckDBConnection ToDuckDb()
    {
        var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = """
                CREATE TABLE events (row INTEGER, subject VARCHAR, ms BIGINT, ts TIMESTAMP_MS, name VARCHAR, properties JSON);
                CREATE TABLE traits (subject VARCHAR, traits JSON);
                """;
            create.ExecuteNonQuery();
        }

        using (var appender = connection.CreateAppender("events"))
        {
            for (var i = 0; i < Events.Count; i++)
            {
                var e = Events[i];
                appender.CreateRow().AppendValue((int?)i).AppendValue(e.Subject).AppendValue((long?)e.Time)
                    .AppendValue((DateTime?)TimeRange.ToDateTime(e.Time)).AppendValue(e.Name).AppendValue(e.Properties).EndRow();
            }
        }

        using (var appender = connection.CreateAppender("traits"))
        {
            foreach (var (subject, traits) in Traits)
            {
                appender.CreateRow().AppendValue(subject).AppendValue(traits).EndRow();
            }
        }

        return connection;
    }

    /// <summary>Writes the events table to a Parquet file (for ClickHouse's <c>file()</c>).</summary>
    public void WriteParquet(DuckDBConnection connection, string path)
    {
        using var copy = connection.CreateCommand();
        copy.CommandText = $"COPY (SELECT row, subject, ms, ts, name, properties::VARCHAR AS properties FROM events ORDER BY row) TO '{path.Replace("'", "''", StringComparison.Ordinal)}' (FORMAT parquet)";
        copy.ExecuteNonQuery();
    }

    private sealed class CollectingSink(SubjectKind kind) : IMessageSink
    {
        private readonly Dictionary<string, JsonObject> _traits = [];

        public List<TwinEvent> Events { get; } = [];

        public void Write(MessageBatch batch)
        {
            foreach (var e in batch.Events)
            {
                var subject = kind == SubjectKind.Account ? e.AccountId : e.PersonId ?? e.AnonymousId;
                if (subject is not null)
                {
                    Events.Add(new TwinEvent(subject, TimeRange.ToMilliseconds(e.Timestamp), e.Name, e.Properties.Json));
                }
            }

            foreach (var profile in batch.Profiles)
            {
                var (subject, traits) = profile switch
                {
                    GroupMessage g when kind == SubjectKind.Account => (g.AccountId, g.Traits),
                    IdentifyMessage i when kind == SubjectKind.Person => (i.PersonId, i.Traits),
                    _ => (null, Properties.Empty),
                };
                if (subject is not null)
                {
                    Merge(subject, traits.Json);
                }
            }
        }

        public Dictionary<string, string> TraitJson() => _traits.ToDictionary(t => t.Key, t => t.Value.ToJsonString());

        private void Merge(string subject, string json)
        {
            if (!_traits.TryGetValue(subject, out var target))
            {
                _traits[subject] = target = [];
            }

            if (JsonNode.Parse(json) is JsonObject source)
            {
                foreach (var (key, value) in source)
                {
                    target[key] = value?.DeepClone();
                }
            }
        }
    }
}
