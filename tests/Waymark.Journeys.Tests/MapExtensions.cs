using Waymark.Core.Journeys;

namespace Waymark.Journeys.Tests;

internal static class MapExtensions
{
    public static JourneyMap WithId(this JourneyMap map, string id) => map with { Id = id };
}
