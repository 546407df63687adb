using System.Diagnostics.CodeAnalysis;

namespace Waymark.Core.Model;

/// <summary>
/// The wire names of <see cref="Actor"/> and <see cref="Role"/>: lower-case, hyphenated, as
/// they appear in files, the API and the store.
/// </summary>
public static class Names
{
    private static readonly string[] ActorNames = ["unknown", "customer", "vendor", "partner", "competitor", "peer"];
    private static readonly string[] RoleNames =
        ["other", "decision-maker", "economic-buyer", "technical-buyer", "champion", "influencer", "end-user"];

    /// <summary>The wire name of an actor, such as <c>customer</c>.</summary>
    public static string Of(Actor actor) => ActorNames[(int)actor];

    /// <summary>The wire name of a role, such as <c>decision-maker</c>.</summary>
    public static string Of(Role role) => RoleNames[(int)role];

    /// <summary>Every actor's wire name, in code order.</summary>
    public static IReadOnlyList<string> Actors => ActorNames;

    /// <summary>Every role's wire name, in code order.</summary>
    public static IReadOnlyList<string> Roles => RoleNames;

    /// <summary>Parses an actor's wire name; underscores, spaces and case are tolerated.</summary>
    public static bool TryParseActor(ReadOnlySpan<char> text, out Actor actor)
    {
        var index = IndexOf(ActorNames, text);
        actor = (Actor)Math.Max(index, 0);
        return index >= 0;
    }

    /// <summary>Parses a role's wire name; underscores, spaces and case are tolerated.</summary>
    public static bool TryParseRole(ReadOnlySpan<char> text, [NotNullWhen(true)] out Role? role)
    {
        var index = IndexOf(RoleNames, text);
        role = index >= 0 ? (Role)index : null;
        return index >= 0;
    }

    private static int IndexOf(string[] names, ReadOnlySpan<char> text)
    {
        Span<char> normal = stackalloc char[Math.Min(text.Length, 64)];
        if (text.Length > normal.Length)
        {
            return -1;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            normal[i] = c is '_' or ' ' ? '-' : char.ToLowerInvariant(c);
        }

        for (var i = 0; i < names.Length; i++)
        {
            if (normal.SequenceEqual(names[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
