using Waymark.Core.Model;

namespace Waymark.Simulation.Engine;

/// <summary>The account's traits, hidden drivers and people.</summary>
internal sealed partial class AccountSimulator
{
    private const int Smb = 0, MidMarket = 1, Enterprise = 2;
    private const int EarlyMarket = 0, Chasm = 1, Tornado = 2, MainStreet = 3;

    private Profile _profile;
    private Properties? _initialTraits;
    private Drivers _drivers;
    private State _state;

    private void DrawAccount()
    {
        // Drivers first, so that they do not shift when other draws change.
        _drivers = new Drivers(
            SlowValue: _rng.Chance(0.40),
            Champion: (ChampionState)_rng.PickWeighted([0.55, 0.80, 1.00]),
            ChampionLostFraction: _rng.NextDouble(),
            BadSupport: _rng.Chance(0.30),
            PoorFit: _rng.Chance(0.30));

        var segment = _rng.PickWeighted(Catalog.SegmentShares);
        var stage = segment == Enterprise ? _rng.PickWeighted([0.05, 0.20, 0.75, 1.00]) : _rng.PickWeighted(Catalog.StageShares);
        var region = _rng.PickWeighted(Catalog.RegionShares);
        var u = _rng.NextDouble();
        var employees = segment switch
        {
            Smb => 5 + (int)(195 * u * u),
            MidMarket => 200 + (int)(1800 * u * u),
            _ => 2000 + (int)(48000 * u * u * u),
        };
        var name = $"{_rng.Pick(Catalog.CompanyFirst)}{_rng.Pick(Catalog.CompanySecond)} {_rng.Pick(CompanySuffixes)}";
        _profile = new Profile(segment, stage, region, _rng.Next(Catalog.Industries.Length), employees, name,
            $"{name.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant()}{_index}.example", Catalog.RegionWorkStartUtc[region]);

        // Part of the base were customers before the period; the rest arrive as prospects.
        _state.CustomerAtStart = _rng.Chance(0.35);
        _state.SignedAt = NotYet;
        _state.FirstValueAt = NotYet;
        _state.ChurnedAt = NotYet;
        _state.ChampionLostAt = NotYet;
    }

    private static readonly string[] CompanySuffixes = ["Inc", "Ltd", "GmbH", "Group", "Labs", "Co"];

    private void DrawPeople()
    {
        var count = _profile.Segment switch
        {
            Smb => _rng.Between(1, 5),
            MidMarket => _rng.Between(3, 10),
            _ => _rng.Between(7, 17),
        };
        if (_drivers.Champion == ChampionState.Lost)
        {
            // Someone must stay when the champion leaves.
            count = Math.Max(count, 2);
        }

        var championAt = _drivers.Champion == ChampionState.Absent ? -1 : (count >= 4 ? 3 : count - 1);
        Span<Role> roles = stackalloc Role[3];
        for (var k = 0; k < count; k++)
        {
            var n = 0;
            if (k == 0)
            {
                roles[n++] = Role.DecisionMaker;
            }

            if (k == 1 || (count == 1 && k == 0))
            {
                roles[n++] = Role.EconomicBuyer;
            }

            if (k == 2)
            {
                roles[n++] = Role.TechnicalBuyer;
            }

            if (k == championAt)
            {
                roles[n++] = Role.Champion;
            }

            if (n == 0)
            {
                roles[n++] = _rng.Chance(0.3) ? Role.Influencer : Role.EndUser;
            }

            _people.Add(NewPerson(k, roles[..n].ToArray()));
        }
    }

    private Person NewPerson(int k, Role[] roles)
    {
        var first = _rng.Pick(Catalog.FirstNames);
        var last = _rng.Pick(Catalog.LastNames);
        var titles = Catalog.Titles[(int)roles[0]];
        var names = new string[roles.Length];
        for (var i = 0; i < roles.Length; i++)
        {
            names[i] = Names.Of(roles[i]);
        }

        var traits = _json.Str("first_name", first).Str("last_name", last).Str("name", $"{first} {last}")
            .Str("email", $"{first.ToLowerInvariant()}.{last.ToLowerInvariant()}{k}@{_profile.Domain}")
            .Str("title", _rng.Pick(titles)).Build();
        var rate = Array.IndexOf(roles, Role.Champion) >= 0 ? 1.6
            : Array.IndexOf(roles, Role.EndUser) >= 0 ? 1.1
            : 0.35;
        return new Person
        {
            Id = $"{_accountId}-p{k}",
            Roles = roles,
            RoleNames = names,
            Traits = traits,
            SessionsPerWeek = rate * _rng.Uniform(0.6, 1.4),
        };
    }

    /// <summary>The account's traits as of now, for group messages.</summary>
    private Properties AccountTraits() => _json
        .Str("name", _profile.Name)
        .Str("segment", Catalog.Segments[_profile.Segment])
        .Str("industry", Catalog.Industries[_profile.Industry])
        .Str("region", Catalog.Regions[_profile.Region])
        .Str("adoption_stage", Catalog.Stages[_profile.Stage])
        .Num("employees", _profile.Employees)
        .Str("plan", _state.Seats == 0 ? "none" : Catalog.Plans[_state.Plan])
        .Num("mrr", _state.Mrr)
        .Build();

    private int ChampionIndex() => _people.FindIndex(p => p.Has(Role.Champion));

    /// <summary>The champion if any (and still there at <paramref name="at"/>), else the decision maker: who drives the account's side.</summary>
    private int Lead(long at = long.MinValue)
    {
        var champion = ChampionIndex();
        return champion >= 0 && _people[champion].LeftAt > at ? champion : 0;
    }

    /// <summary>
    /// The first person with the role who has not left by <paramref name="at"/>; else the decision
    /// maker, who never leaves (a lost champion is never person 0: such accounts have two people or more).
    /// </summary>
    private int WithRole(Role role, long at = long.MinValue)
    {
        for (var k = 0; k < _people.Count; k++)
        {
            if (_people[k].LeftAt > at && _people[k].Has(role))
            {
                return k;
            }
        }

        return 0;
    }

    private readonly record struct Profile(
        int Segment, int Stage, int Region, int Industry, int Employees, string Name, string Domain, int WorkStartHour);

    private readonly record struct Drivers(
        bool SlowValue, ChampionState Champion, double ChampionLostFraction, bool BadSupport, bool PoorFit);

    private struct State
    {
        public bool CustomerAtStart;
        public long SignedAt;
        public long FirstValueAt;
        public long ChurnedAt;
        public long ChampionLostAt;
        public bool NeverValue;
        public string? LostTo;
        public bool Expanded;
        public bool Contracted;
        public int Plan;
        public int Seats;
        public long Mrr;
        public int TermDays;
        public long LastChangeAt;
    }
}
