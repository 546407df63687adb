using Waymark.Engine.Properties;
using Waymark.Engine.Snapshot;

namespace Waymark.Engine.Kernels.Funnels;

/// <summary>Each subject's breakdown value code (0 = absent, or no breakdown), from a trait or a first-step property.</summary>
internal sealed class BreakdownValues
{
    private readonly int[]? _traitCodes;
    private readonly int[][]? _propertyCodes;

    private BreakdownValues(PropertyValues? values, int[]? traitCodes, int[][]? propertyCodes)
    {
        Values = values;
        _traitCodes = traitCodes;
        _propertyCodes = propertyCodes;
    }

    public static BreakdownValues For(EventLog log, FunnelBreakdown? breakdown)
    {
        if (breakdown is null)
        {
            return new BreakdownValues(null, null, null);
        }

        if (breakdown.Source == FunnelBreakdownSource.Trait)
        {
            var trait = log.Trait(breakdown.Key);
            return new BreakdownValues(trait.Values, trait.CodeArray, null);
        }

        var property = log.Property(breakdown.Key);
        return new BreakdownValues(property.Values, null, property.CodesByPartition);
    }

    /// <summary>The distinct values (null without a breakdown).</summary>
    public PropertyValues? Values { get; }

    /// <summary>How many value codes there are (1 without a breakdown).</summary>
    public int Count => Values?.Count ?? 1;

    public bool ByProperty => _propertyCodes is not null;

    /// <summary>The value of a subject whose value does not depend on its events.</summary>
    public int OfSubject(int subject) => _traitCodes is { } codes && subject < codes.Length ? codes[subject] : 0;

    /// <summary>The value of a subject whose chain starts at <paramref name="position"/> of partition <paramref name="partition"/>.</summary>
    public int Of(int subject, int partition, int position)
    {
        if (_propertyCodes is null)
        {
            return OfSubject(subject);
        }

        var codes = _propertyCodes[partition];
        return position >= 0 && position < codes.Length ? codes[position] : 0;
    }
}
