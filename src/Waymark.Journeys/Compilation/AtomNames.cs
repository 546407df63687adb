using Waymark.Core.Model;

namespace Waymark.Journeys.Compilation;

/// <summary>
/// How an event source turns one event into atom masks, the same way everywhere: by name, which
/// atoms it is named for (for activity); then which of those it matches, once the property filters
/// a source decided and the roles of the person who did it are applied.
/// </summary>
internal static class AtomNames
{
    /// <summary>The atoms that match any event name.</summary>
    public static ulong AnyName(CompiledJourney journey) => Mask(journey, a => a.Match.Event.Event is null);

    /// <summary>The atoms named <paramref name="name"/> (atoms for any name not included).</summary>
    public static ulong Named(CompiledJourney journey, string name) =>
        Mask(journey, a => string.Equals(a.Match.Event.Event, name, StringComparison.Ordinal));

    /// <summary>The atoms that test properties.</summary>
    public static ulong Filtered(CompiledJourney journey) =>
        Mask(journey, a => a.Match.Event.Where.Count > 0);

    /// <summary>The atoms that count only some roles.</summary>
    public static ulong RoleBound(CompiledJourney journey) => Mask(journey, a => a.RoleMask != 0);

    /// <summary>Drops from <paramref name="named"/> the role-bound atoms whose roles the actor (<paramref name="roles"/>, bits of <see cref="Role"/>) lacks.</summary>
    public static ulong ApplyRoles(CompiledJourney journey, ulong named, ulong roleBound, int roles)
    {
        for (var bound = named & roleBound; bound != 0; bound &= bound - 1)
        {
            var atom = System.Numerics.BitOperations.TrailingZeroCount(bound);
            if ((journey.Atoms[atom].RoleMask & roles) == 0)
            {
                named &= ~(1UL << atom);
            }
        }

        return named;
    }

    /// <summary>Role bits from a JSON list of role names (unknown names count as <see cref="Role.Other"/>).</summary>
    public static int RoleBits(string? json)
    {
        if (string.IsNullOrEmpty(json) || json[0] != '[')
        {
            return 0;
        }

        var bits = 0;
        foreach (var name in System.Text.Json.JsonSerializer.Deserialize(json, JourneysJsonContext.Default.StringArray) ?? [])
        {
            bits |= 1 << (int)(Names.TryParseRole(name, out var role) ? role.Value : Role.Other);
        }

        return bits;
    }

    private static ulong Mask(CompiledJourney journey, Func<Atom, bool> test)
    {
        ulong atoms = 0;
        foreach (var atom in journey.Atoms)
        {
            if (test(atom))
            {
                atoms |= 1UL << atom.Index;
            }
        }

        return atoms;
    }
}
