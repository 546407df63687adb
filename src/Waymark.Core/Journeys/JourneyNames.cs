namespace Waymark.Core.Journeys;

/// <summary>
/// The wire names of the journey-map enums, as maps, the API and the store write them:
/// lower-case and hyphenated. Parsing is exact (maps are code: <c>Customer</c> is an error).
/// </summary>
public static class JourneyNames
{
    /// <summary>Perspective names in enum order.</summary>
    public static IReadOnlyList<string> Perspectives { get; } = ["customer", "vendor"];

    /// <summary>Journey kind names in enum order.</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["discovery", "diagnosis", "buying-mission", "continuous-improvement", "other"];

    /// <summary>Subject names in enum order.</summary>
    public static IReadOnlyList<string> Subjects { get; } = ["account", "person"];

    /// <summary>Lifecycle stage names in enum order.</summary>
    public static IReadOnlyList<string> LifecycleStages { get; } = ["purchase", "onboarding", "adoption", "renewal", "expansion", "advocacy"];

    /// <summary>Value dimension names in enum order.</summary>
    public static IReadOnlyList<string> ValueDimensions { get; } = ["economic", "functional", "experiential", "symbolic"];

    /// <summary>Status names in enum order.</summary>
    public static IReadOnlyList<string> Statuses { get; } = ["on-track", "at-risk", "stalled", "off-track", "completed", "abandoned"];

    /// <summary>
    /// The vendor departments an owner, a task or a notification may name: <c>sales</c>,
    /// <c>marketing</c>, <c>customer-success</c>, <c>support</c>, <c>product</c>,
    /// <c>professional-services</c>, <c>finance</c>, <c>engineering</c>.
    /// </summary>
    public static IReadOnlyList<string> Departments { get; } =
        ["sales", "marketing", "customer-success", "support", "product", "professional-services", "finance", "engineering"];

    /// <summary>The wire name of a perspective.</summary>
    public static string Of(Perspective value) => Perspectives[(int)value];

    /// <summary>The wire name of a journey kind.</summary>
    public static string Of(JourneyKind value) => Kinds[(int)value];

    /// <summary>The wire name of a subject.</summary>
    public static string Of(JourneySubject value) => Subjects[(int)value];

    /// <summary>The wire name of a lifecycle stage.</summary>
    public static string Of(LifecycleStage value) => LifecycleStages[(int)value];

    /// <summary>The wire name of a value dimension.</summary>
    public static string Of(ValueDimension value) => ValueDimensions[(int)value];

    /// <summary>The wire name of a status.</summary>
    public static string Of(JourneyStatus value) => Statuses[(int)value];

    /// <summary>Reads a status's wire name (exact); false when it is none.</summary>
    public static bool TryParseStatus(string name, out JourneyStatus status)
    {
        var index = IndexOf(Statuses, name);
        status = (JourneyStatus)Math.Max(index, 0);
        return index >= 0;
    }

    /// <summary>Finds <paramref name="name"/> in <paramref name="names"/> (exact, ordinal); returns its index or -1.</summary>
    internal static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
