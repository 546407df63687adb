using System.Diagnostics;
using System.Globalization;
using Waymark.App;
using Waymark.App.Journeys;
using Waymark.Core.Ingest;
using Waymark.Core.Journeys;
using Waymark.Core.Model;
using Waymark.Engine.Snapshot;
using Waymark.Journeys.Batch;
using Waymark.Journeys.Compilation;
using Waymark.Journeys.Tracking;
using Waymark.Simulation;

namespace Waymark.Bench.Journeys;

/// <summary>The measured journey runs, each in a child process.</summary>
internal static class JourneysChildren
{
    /// <summary>
    /// Builds both snapshots (not timed: the engine keeps them), then times evaluating every map at
    /// the newest event, best of three warm runs.
    /// </summary>
    public static int Batch(string store, string mapsFolder)
    {
        var maps = JourneyMapFiles.Read([mapsFolder]).Select(r => r.GetMapOrThrow()).ToList();
        using var workspace = Workspace.Open(store);
        var logs = new Dictionary<JourneySubject, EventLog>
        {
            [JourneySubject.Account] = workspace.Snapshot(SubjectKind.Account),
            [JourneySubject.Person] = workspace.Snapshot(SubjectKind.Person),
        };
        var at = workspace.LatestEventTime(SubjectKind.Person)!.Value;
        var compiled = maps.Select(m => CompiledJourney.Compile(m)).ToList();
        foreach (var journey in compiled)
        {
            // Loads the property and trait columns the maps need, once, as a running server would.
            JourneyBatch.Evaluate(logs[journey.Map.Subject], journey, at);
        }

        var best = double.MaxValue;
        var bestPause = TimeSpan.Zero;
        var bestGcs = "";
        var instances = 0L;
        var byStatus = new long[Enum.GetValues<JourneyStatus>().Length];
        for (var run = 0; run < 3; run++)
        {
            Array.Clear(byStatus);
            instances = 0;
            var paused = GC.GetTotalPauseDuration();
            var (g0, g1, g2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
            var clock = Stopwatch.StartNew();
            foreach (var journey in compiled)
            {
                foreach (var instance in JourneyBatch.Evaluate(logs[journey.Map.Subject], journey, at))
                {
                    byStatus[(int)instance.Status]++;
                    instances++;
                }
            }

            if (clock.Elapsed.TotalSeconds < best)
            {
                best = clock.Elapsed.TotalSeconds;
                bestPause = GC.GetTotalPauseDuration() - paused;
                bestGcs = $"{GC.CollectionCount(0) - g0}/{GC.CollectionCount(1) - g1}/{GC.CollectionCount(2) - g2}";
            }
        }

        var answer = $"GC paused {bestPause.TotalSeconds:F2} s of the best run (gen 0/1/2 collections {bestGcs}); {maps.Count} maps, {instances:N0} instances ({string.Join(", ", Enum.GetValues<JourneyStatus>().Select(s => $"{JourneyNames.Of(s)} {byStatus[(int)s]:N0}"))})";
        return Measurement.Report("journeys-batch", logs[JourneySubject.Person].EventCount, best, answer);
    }

    /// <summary>
    /// Simulates a company of about <paramref name="events"/> events into memory, orders the events by
    /// time as a live feed delivers them, and times feeding them to a tracker of every map in batches
    /// of 1,000 (as <c>/v1/batch</c> and imports deliver them).
    /// </summary>
    public static int Tracker(long events, string mapsFolder)
    {
        var maps = JourneyMapFiles.Read([mapsFolder]).Select(r => r.GetMapOrThrow()).ToList();
        var sink = new Collector();
        new CompanySimulator(new SimulationOptions { Seed = 42, TargetEvents = events }).Run(sink);
        // A live feed delivers events in time order, each freshly read: copy them in that order, so that the
        // run does not pay for the simulator's per-account memory layout.
        var feed = sink.Events.OrderBy(e => e.Timestamp).Select(Fresh).ToList();
        sink.Events.Clear();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var tracker = new JourneyTracker(maps.Select(m => CompiledJourney.Compile(m)), sink.Directory);
        var (gen2, paused) = (GC.CollectionCount(2), GC.GetTotalPauseDuration());
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        foreach (var chunk in feed.Chunk(1000))
        {
            tracker.Track(chunk);
        }

        tracker.Flush();
        var seconds = clock.Elapsed.TotalSeconds;
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var gc = string.Create(CultureInfo.InvariantCulture, $"{cpu.TotalSeconds:F2} s of CPU, {GC.CollectionCount(2) - gen2} full GCs, {(GC.GetTotalPauseDuration() - paused).TotalSeconds:F2} s paused");
        var held = GC.GetTotalMemory(forceFullCollection: true) - before;
        var at = feed[^1].Timestamp;
        var tracked = tracker.TrackedSubjects;
        var live = tracker.Instances(at);
        var open = live.Count(i => i.IsOpen);

        // The same events in batch, on a snapshot built from them: the tracker must give the same instances.
        var batch = new List<Waymark.Journeys.Instances.JourneyInstance>();
        foreach (var kind in new[] { JourneySubject.Account, JourneySubject.Person })
        {
            var builder = new EventLog.Builder(kind == JourneySubject.Account ? SubjectKind.Account : SubjectKind.Person);
            foreach (var e in feed)
            {
                if ((kind == JourneySubject.Account ? e.AccountId : e.PersonId ?? e.AnonymousId) is { } subject)
                {
                    builder.AddEvent(subject, TimeRange.ToMilliseconds(e.Timestamp), e.Name, e.Properties.Json, sink.RolesOf(e));
                }
            }

            foreach (var (id, traits) in kind == JourneySubject.Account ? sink.AccountTraits : sink.MergedPersonTraits())
            {
                builder.SetTraits(id, traits);
            }

            var log = builder.Build();
            foreach (var map in maps.Where(m => m.Subject == kind))
            {
                batch.AddRange(JourneyBatch.Evaluate(log, CompiledJourney.Compile(map), at));
            }
        }

        var agree = Digest(live) == Digest(batch) ? "agree with batch" : "DIFFER from batch";
        var answer = string.Create(CultureInfo.InvariantCulture,
            $"{maps.Count} maps; {gc} while tracking; {tracked:N0} tracked (map, subject) pairs, {live.Count:N0} instances, {open:N0} open; {agree}; tracker holds {held / 1048576.0:N0} MiB: {held / (double)Math.Max(tracked, 1):N0} bytes per tracked pair, {held / (double)Math.Max(open, 1):N0} per open instance");
        return Measurement.Report("journeys-tracker", feed.Count, seconds, answer);
    }

    private static Event Fresh(Event e) => e with
    {
        MessageId = new string(e.MessageId),
        PersonId = e.PersonId is null ? null : new string(e.PersonId),
        AnonymousId = e.AnonymousId is null ? null : new string(e.AnonymousId),
        AccountId = e.AccountId is null ? null : new string(e.AccountId),
        Name = new string(e.Name),
        Properties = Waymark.Core.Model.Properties.FromTrustedJson(new string(e.Properties.Json)),
    };

    private static string Digest(IEnumerable<Waymark.Journeys.Instances.JourneyInstance> instances) => string.Join('\n', instances
        .OrderBy(i => i.MapId, StringComparer.Ordinal).ThenBy(i => i.Subject, StringComparer.Ordinal).ThenBy(i => i.Number)
        .Select(i => $"{i.MapId} {i.Subject} {i.Number} {i.Start:O} {i.End:O} {i.Status} {i.StatusSince:O} {i.Reason} {string.Join(',', i.Milestones.Select(m => m.ReachedAt?.ToString("O")))} {string.Join(',', i.Firings.Select(f => f.ContingencyId + f.At.ToString("O")))}"));

    private sealed class Collector : IMessageSink
    {
        private readonly Dictionary<(string, string), string> _roles = [];

        public List<Event> Events { get; } = [];

        public SubjectDirectory Directory { get; } = new();

        public Dictionary<string, string> AccountTraits { get; } = [];

        public Dictionary<string, string> PersonTraits { get; } = [];

        private readonly Dictionary<string, (string Account, string Roles)> _firstMembership = [];

        /// <summary>A person's traits over their first account's, with <c>role</c> their roles there: what snapshots serve.</summary>
        public IEnumerable<KeyValuePair<string, string>> MergedPersonTraits()
        {
            foreach (var (person, (account, roles)) in _firstMembership)
            {
                var merged = System.Text.Json.Nodes.JsonNode.Parse(AccountTraits.GetValueOrDefault(account, "{}"))!.AsObject();
                foreach (var (key, value) in System.Text.Json.Nodes.JsonNode.Parse(PersonTraits.GetValueOrDefault(person, "{}"))!.AsObject())
                {
                    merged[key] = value?.DeepClone();
                }

                merged["role"] = System.Text.Json.Nodes.JsonNode.Parse(roles);
                yield return new(person, merged.ToJsonString());
            }
        }

        public string? RolesOf(Event e) => e.PersonId is { } p && e.AccountId is { } a ? _roles.GetValueOrDefault((p, a)) : null;

        public void Write(MessageBatch batch)
        {
            Events.AddRange(batch.Events);
            foreach (var profile in batch.Profiles)
            {
                switch (profile)
                {
                    case GroupMessage group when group.PersonId is { } person:
                        Directory.SetAccountTraits(group.AccountId, group.Traits.Json);
                        AccountTraits[group.AccountId] = group.Traits.Json;
                        var roles = System.Text.Json.JsonSerializer.Serialize(group.Roles);
                        Directory.SetRoles(person, group.AccountId, roles);
                        _roles[(person, group.AccountId)] = roles;
                        _firstMembership.TryAdd(person, (group.AccountId, roles));
                        break;
                    case IdentifyMessage identify when identify.PersonId is { } id:
                        Directory.SetPersonTraits(id, identify.Traits.Json);
                        PersonTraits[id] = identify.Traits.Json;
                        break;
                }
            }
        }
    }
}
