using System.Text.Json;
using System.Text.Json.Serialization;
using Waymark.Core.Journeys;
using Waymark.Core.Model;
using Waymark.Journeys.Conformance;
using Waymark.Journeys.Instances;

namespace Waymark.Cli.Commands;

/// <summary>The JSON of the journeys commands (snake_case, statuses and enums as their wire names). A contract for scripts.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(WireName<JourneyStatus>), typeof(WireName<ValueDimension>), typeof(WireName<Role>)])]
[JsonSerializable(typeof(JourneyListJson))]
[JsonSerializable(typeof(JourneyStatusListJson))]
[JsonSerializable(typeof(JourneyInstancesJson))]
[JsonSerializable(typeof(JourneyRunResultJson))]
[JsonSerializable(typeof(ConformanceReport))]
[JsonSerializable(typeof(DriftJson))]
[JsonSerializable(typeof(TagsJson))]
[JsonSerializable(typeof(NotificationsJson))]
internal sealed partial class JourneyJsonContext : JsonSerializerContext;

/// <summary>An enum as its wire name: <c>at-risk</c>, <c>economic</c>, <c>economic-buyer</c>.</summary>
internal sealed class WireName<T>() : JsonStringEnumConverter<T>(JsonNamingPolicy.KebabCaseLower)
    where T : struct, Enum;

/// <summary><c>journeys list --json</c>.</summary>
internal sealed record JourneyListJson(IReadOnlyList<MapJson> Maps);

/// <summary>One map, as <c>journeys list</c> describes it.</summary>
internal sealed record MapJson(string Id, string Name, string Goal, string Perspective, string Kind, string? Lifecycle, string Subject, IReadOnlyList<string> Milestones)
{
    public static MapJson From(JourneyMap map) => new(map.Id, map.Name, map.Goal, JourneyNames.Of(map.Perspective), JourneyNames.Of(map.Kind),
        map.Lifecycle is { } l ? JourneyNames.Of(l) : null, JourneyNames.Of(map.Subject), [.. map.Milestones.Select(m => m.Id)]);
}

/// <summary><c>journeys status --json</c>.</summary>
internal sealed record JourneyStatusListJson(string Database, IReadOnlyList<JourneyStatusJson> Journeys);

/// <summary>One journey's instances by status, at a time, and the value they realized.</summary>
internal sealed record JourneyStatusJson(string Id, int Version, string Name, DateTime At, int Instances, IReadOnlyList<StatusCountJson> Statuses, IReadOnlyList<ValueJson> Value);

/// <summary>How many instances are in one status.</summary>
internal sealed record StatusCountJson(string Status, int Instances);

/// <summary>Value realized in one dimension and unit.</summary>
internal sealed record ValueJson(string Dimension, double Amount, string Unit);

/// <summary><c>journeys instances --json</c>.</summary>
internal sealed record JourneyInstancesJson(string Database, string Map, DateTime At, IReadOnlyList<JourneyInstance> Instances);

/// <summary><c>journeys run --json</c>: per map what was evaluated and recorded, and the webhook round.</summary>
internal sealed record JourneyRunResultJson(string Database, IReadOnlyList<JourneyRunJson> Journeys, int WebhooksDelivered, int WebhooksRetrying, int WebhooksFailed);

/// <summary>One map's run: its version, instances, firings and how many of them were new.</summary>
internal sealed record JourneyRunJson(string Id, int Version, DateTime At, int Instances, int Open, int Firings, int NewFirings);

/// <summary><c>journeys drift --json</c>: the two periods, their instance counts and top variants, and the changes, biggest first.</summary>
internal sealed record DriftJson(string Map, DateTime AFrom, DateTime ATo, DateTime BFrom, DateTime BTo, int AInstances, int BInstances,
    IReadOnlyList<DriftVariant> AVariants, IReadOnlyList<DriftVariant> BVariants, IReadOnlyList<DriftChange> Changes);

/// <summary><c>journeys tags --json</c>.</summary>
internal sealed record TagsJson(IReadOnlyList<TagJson> Tags);

/// <summary>A tag on an account or person, and the contingency that put it there first.</summary>
internal sealed record TagJson(string SubjectKind, string Subject, string Tag, string Map, string Contingency, DateTime TaggedAt);

/// <summary><c>journeys notifications --json</c>.</summary>
internal sealed record NotificationsJson(IReadOnlyList<NotificationJson> Notifications);

/// <summary>A notification to a department.</summary>
internal sealed record NotificationJson(long Id, string To, string Message, string Map, string Subject, DateTime CreatedAt);
