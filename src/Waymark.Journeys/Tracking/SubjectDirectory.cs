using System.Text.Json;
using Waymark.Core.Conditions;
using Waymark.Core.Journeys;
using Waymark.Engine.Properties;
using Waymark.Journeys.Compilation;

namespace Waymark.Journeys.Tracking;

/// <summary>
/// What the tracker knows about subjects besides their events: accounts' and people's current
/// traits, and people's roles in accounts. A person's trait falls back to their account's, and the
/// trait <c>role</c> of a person is their roles in the account (a list), as snapshots serve them.
/// Traits are read into members when set, so that looking one up is a dictionary look-up.
/// Thread-safe: the tracker's owner feeds it from identify and group messages while the tracker's
/// workers read it; a subject's membership of a journey's <c>applies_to</c> is decided when the
/// journey first sees an event of it.
/// </summary>
public sealed class SubjectDirectory
{
    private static readonly Dictionary<string, string> NoTraits = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, string>> _accounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, string>> _people = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Person, string Account), string> _roles = [];
    private readonly Dictionary<(string Person, string Account), int> _roleBits = [];
    private readonly Dictionary<string, string> _accountOf = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Grows by one with every change, so that callers can keep what they read until it changes.</summary>
    public int Version { get; private set; }

    /// <summary>Sets an account's traits (a JSON object), replacing earlier ones.</summary>
    public void SetAccountTraits(string account, string traitsJson)
    {
        ArgumentNullException.ThrowIfNull(account);
        var members = Members(traitsJson, "account", account);
        lock (_gate)
        {
            _accounts[account] = members;
        }
    }

    /// <summary>Sets a person's traits (a JSON object), replacing earlier ones.</summary>
    public void SetPersonTraits(string person, string traitsJson)
    {
        ArgumentNullException.ThrowIfNull(person);
        var members = Members(traitsJson, "person", person);
        lock (_gate)
        {
            _people[person] = members;
        }
    }

    /// <summary>Sets a person's roles in an account, as a JSON list of role names.</summary>
    public void SetRoles(string person, string account, string rolesJson)
    {
        var bits = AtomNames.RoleBits(rolesJson);
        lock (_gate)
        {
            _roles[(person, account)] = rolesJson;
            _roleBits[(person, account)] = bits;
            Version++;
            _accountOf.TryAdd(person, account);
        }
    }

    /// <summary>The roles (bits of <see cref="Core.Model.Role"/>) of a person in an account; 0 when unknown.</summary>
    public int Roles(string? person, string? account)
    {
        if (person is null || account is null)
        {
            return 0;
        }

        lock (_gate)
        {
            return _roleBits.TryGetValue((person, account), out var bits) ? bits : 0;
        }
    }

    /// <summary>True when the subject (an account id, or a person id) belongs to the cohort.</summary>
    public bool Contains(Cohort cohort, JourneySubject kind, string subject)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        return Contains(Filters(cohort), kind, subject);
    }

    /// <summary>A cohort's filters, ready for <see cref="Contains(LivePropertyFilter[], JourneySubject, string)"/>.</summary>
    internal static LivePropertyFilter[] Filters(Cohort cohort) => [.. cohort.Filters.Select(f => new LivePropertyFilter(f))];

    /// <summary>True when the subject passes every filter.</summary>
    internal bool Contains(LivePropertyFilter[] filters, JourneySubject kind, string subject)
    {
        foreach (var filter in filters)
        {
            string? trait;
            lock (_gate)
            {
                trait = Trait(kind, subject, filter.Filter.Key);
            }

            if (!filter.Passes(trait))
            {
                return false;
            }
        }

        return true;
    }

    private string? Trait(JourneySubject kind, string subject, string key)
    {
        if (kind == JourneySubject.Account)
        {
            return Member(_accounts, subject, key);
        }

        if (key == "role")
        {
            return _accountOf.TryGetValue(subject, out var of) ? _roles[(subject, of)] : null;
        }

        return Member(_people, subject, key) ?? (_accountOf.TryGetValue(subject, out var account) ? Member(_accounts, account, key) : null);
    }

    private static string? Member(Dictionary<string, Dictionary<string, string>> traits, string id, string key) =>
        traits.TryGetValue(id, out var members) && members.TryGetValue(key, out var value) ? value : null;

    /// <summary>The top-level members of a traits object, each as its JSON text; none when it is not an object.</summary>
    private static Dictionary<string, string> Members(string traitsJson, string kind, string id)
    {
        ArgumentNullException.ThrowIfNull(traitsJson);
        try
        {
            using var document = JsonDocument.Parse(traitsJson);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return NoTraits;
            }

            var members = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var member in document.RootElement.EnumerateObject())
            {
                // A repeated key: the last one holds, as JsonElement.TryGetProperty reads it.
                members[member.Name] = member.Value.GetRawText();
            }

            return members;
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"the traits of {kind} '{id}' are not JSON: {e.Message}", nameof(traitsJson), e);
        }
    }
}
