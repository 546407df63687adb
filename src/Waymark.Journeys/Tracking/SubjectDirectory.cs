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
/// Not thread-safe; the tracker's owner feeds it from identify and group messages.
/// </summary>
public sealed class SubjectDirectory
{
    private readonly Dictionary<string, string> _accounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _people = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Person, string Account), string> _roles = [];
    private readonly Dictionary<(string Person, string Account), int> _roleBits = [];
    private readonly Dictionary<string, string> _accountOf = new(StringComparer.Ordinal);
    private readonly Dictionary<PropertyFilter, LivePropertyFilter> _filters = [];

    /// <summary>Grows by one with every change, so that callers can keep what they read until it changes.</summary>
    public int Version { get; private set; }

    /// <summary>Sets an account's traits (a JSON object), replacing earlier ones.</summary>
    public void SetAccountTraits(string account, string traitsJson) => _accounts[account] = traitsJson;

    /// <summary>Sets a person's traits (a JSON object), replacing earlier ones.</summary>
    public void SetPersonTraits(string person, string traitsJson) => _people[person] = traitsJson;

    /// <summary>Sets a person's roles in an account, as a JSON list of role names.</summary>
    public void SetRoles(string person, string account, string rolesJson)
    {
        _roles[(person, account)] = rolesJson;
        _roleBits[(person, account)] = AtomNames.RoleBits(rolesJson);
        Version++;
        _accountOf.TryAdd(person, account);
    }

    /// <summary>The roles (bits of <see cref="Core.Model.Role"/>) of a person in an account; 0 when unknown.</summary>
    public int Roles(string? person, string? account) =>
        person is not null && account is not null && _roleBits.TryGetValue((person, account), out var bits) ? bits : 0;

    /// <summary>True when the subject (an account id, or a person id) belongs to the cohort. Safe to call from several threads while nothing is set.</summary>
    public bool Contains(Cohort cohort, JourneySubject kind, string subject)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        lock (_filters)
        {
            return ContainsLocked(cohort, kind, subject);
        }
    }

    private bool ContainsLocked(Cohort cohort, JourneySubject kind, string subject)
    {
        foreach (var filter in cohort.Filters)
        {
            if (!_filters.TryGetValue(filter, out var live))
            {
                _filters[filter] = live = new LivePropertyFilter(filter);
            }

            if (!live.Passes(Trait(kind, subject, filter.Key)))
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

    private static string? Member(Dictionary<string, string> traits, string id, string key)
    {
        if (!traits.TryGetValue(id, out var json))
        {
            return null;
        }

        using var document = JsonDocument.Parse(json);
        return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty(key, out var value) ? value.GetRawText() : null;
    }
}
