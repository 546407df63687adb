using System.Text.Json;
using Waymark.Core.Conditions;
using Waymark.Core.Ingest;
using Waymark.Core.Journeys;
using Waymark.Core.Model;
using Waymark.Simulation;
using Waymark.Tests;

namespace Waymark.Core.Tests.Journeys;

/// <summary>
/// The example maps in journeys/ (at the repository's root) read without errors, cover every
/// adoption-stage kind and lifecycle stage, and use only event names, property keys, values and
/// traits that the simulator really emits, so they work on a simulated company.
/// </summary>
public sealed class ExampleMapsTests : IClassFixture<ExampleMapsTests.SimulatedVocabulary>
{
    private readonly SimulatedVocabulary _emitted;

    public ExampleMapsTests(SimulatedVocabulary emitted) => _emitted = emitted;

    public static TheoryData<string> Files => new(Directory.GetFiles(Folder, "*.yaml").Select(Path.GetFileName).Order()!);

    [Theory]
    [MemberData(nameof(Files))]
    public void ExampleMap_ReadsWithoutErrors(string file)
    {
        var result = JourneyMapReader.ReadFile(Path.Combine(Folder, file));
        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        Assert.Equal(Path.GetFileNameWithoutExtension(file), result.Map!.Id);
        Assert.Equal(Perspective.Customer, result.Map.Perspective);
    }

    [Fact]
    public void Examples_CoverEveryAdoptionStageKind_AndLifecycleStage()
    {
        var maps = ReadAll();
        Assert.Equal([JourneyKind.Discovery, JourneyKind.Diagnosis, JourneyKind.BuyingMission, JourneyKind.ContinuousImprovement],
            maps.Select(m => m.Kind).Where(k => k != JourneyKind.Other).Distinct().Order());
        var stages = maps.Where(m => m.Lifecycle is not null and not LifecycleStage.Purchase).Select(m => m.Lifecycle!.Value).Distinct().Order();
        Assert.Equal([LifecycleStage.Onboarding, LifecycleStage.Adoption, LifecycleStage.Renewal, LifecycleStage.Expansion, LifecycleStage.Advocacy], stages);
        var mission = Assert.Single(maps, m => m.Kind == JourneyKind.BuyingMission);
        Assert.Contains(Role.TechnicalBuyer, mission.BuyingGroup!.Roles);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void ExampleMap_UsesOnlyWhatTheSimulatorEmits(string file)
    {
        var map = JourneyMapReader.ReadFile(Path.Combine(Folder, file)).GetMapOrThrow();
        foreach (var match in map.Conditions().SelectMany(c => c.EventMatches()))
        {
            var name = Assert.IsType<string>(match.Event.Event);
            Assert.True(CompanySimulator.EventNames.Contains(name), $"{file}: the simulator never emits '{name}'");
            var properties = _emitted.Properties.GetValueOrDefault(name) ?? [];
            foreach (var key in match.Event.Where.Select(f => f.Key).Append(match.Distinct).OfType<string>())
            {
                Assert.True(properties.ContainsKey(key), $"{file}: '{name}' never has the property '{key}'; it has: {string.Join(", ", properties.Keys)}");
            }

            CheckValues(file, $"'{name}'", match.Event.Where, properties);
        }

        var traits = new Dictionary<string, HashSet<string>>(_emitted.AccountTraits, StringComparer.Ordinal);
        if (map.Subject == JourneySubject.Person)
        {
            traits["role"] = [.. Names.Roles];
        }

        CheckValues(file, "applies_to", map.AppliesTo.Filters, traits);
    }

    private static void CheckValues(string file, string what, IReadOnlyList<PropertyFilter> filters, Dictionary<string, HashSet<string>> emitted)
    {
        foreach (var filter in filters.Where(f => f.Comparison is Comparison.Equal or Comparison.In or Comparison.NotEqual))
        {
            Assert.True(emitted.TryGetValue(filter.Key, out var values), $"{file}: {what} never has '{filter.Key}'");
            foreach (var operand in filter.Operands)
            {
                Assert.True(values.Contains(operand), $"{file}: {what} never has {filter.Key} = {operand}; it has: {string.Join(", ", values.Order().Take(20))}");
            }
        }
    }

    private static List<JourneyMap> ReadAll() =>
        [.. Directory.GetFiles(Folder, "*.yaml").Order().Select(f => JourneyMapReader.ReadFile(f).GetMapOrThrow())];

    private static string Folder => RepositoryFolder.Journeys;

    /// <summary>Property keys and values per event name, and account traits, from a small simulated company.</summary>
    public sealed class SimulatedVocabulary : IMessageSink
    {
        public SimulatedVocabulary() => new CompanySimulator(new SimulationOptions { Seed = 11, Accounts = 600 }).Run(this);

        public Dictionary<string, Dictionary<string, HashSet<string>>> Properties { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, HashSet<string>> AccountTraits { get; } = new(StringComparer.Ordinal);

        public void Write(MessageBatch batch)
        {
            foreach (var e in batch.Events)
            {
                if (!Properties.TryGetValue(e.Name, out var keys))
                {
                    Properties[e.Name] = keys = new(StringComparer.Ordinal);
                }

                Collect(e.Properties, keys);
            }

            foreach (var group in batch.Profiles.OfType<GroupMessage>())
            {
                Collect(group.Traits, AccountTraits);
            }
        }

        private static void Collect(Properties properties, Dictionary<string, HashSet<string>> into)
        {
            using var json = properties.ToDocument();
            foreach (var property in json.RootElement.EnumerateObject())
            {
                if (!into.TryGetValue(property.Name, out var values))
                {
                    into[property.Name] = values = new(StringComparer.Ordinal);
                }

                values.Add(property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText());
            }
        }
    }
}
