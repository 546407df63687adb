using Waymark.Core.Model;

namespace Waymark.Simulation.Engine;

/// <summary>
/// Onboarding after a signature in the period: kickoff meeting, the lead inviting the team
/// (<c>user_invited</c> with <c>invitee_id</c>; invitees become known when they accept),
/// integration, training, the first report created and viewed — first value, fast (2–10 days)
/// or slow (20–75 days, and often never) — then a scheduled report. Slow accounts get a rescue
/// working session. Also decides when a lost champion leaves.
/// </summary>
internal sealed partial class AccountSimulator
{
    private void RunOnboarding()
    {
        PlanChampionDeparture();
        if (_state.CustomerAtStart)
        {
            return;
        }

        var signed = _state.SignedAt;
        var slow = _drivers.SlowValue;
        var lead = Lead();
        Meeting(signed + Days(_rng.Uniform(1, 6)), lead, "kickoff");
        InviteTeam(lead, signed, slow ? 45 : 12);
        ConnectIntegration(signed, slow);
        if (slow)
        {
            Meeting(signed + Days(_rng.Uniform(14, 30)), Lead(signed + Days(30)), "working_session");
        }

        var neverChance = (slow ? 0.35 : 0.04) * (_drivers.Champion == ChampionState.Absent ? 1.5 : 1.0);
        if (_rng.Chance(neverChance))
        {
            _state.NeverValue = true;
            return;
        }

        var firstValue = ReachFirstValue(signed, slow);
        Train(signed, slow);
        var schedule = (slow ? 0.45 : 0.85) * (_drivers.Champion == ChampionState.Absent ? 0.6 : 1.0);
        if (_rng.Chance(schedule))
        {
            var at = WorkTime(firstValue + Days(_rng.Uniform(1, 14)));
            Add(at, EventType.ReportScheduled, Lead(at),
                _json.Str("report_id", $"r{_index}-1").Str("frequency", Catalog.Frequencies[_rng.PickWeighted([0.15, 0.75, 1.0])]).Build());
        }
    }

    /// <summary>A lost champion leaves between a month after signing (or the start) and well past the period.</summary>
    private void PlanChampionDeparture()
    {
        var champion = ChampionIndex();
        if (_drivers.Champion != ChampionState.Lost || champion < 0)
        {
            return;
        }

        var from = Math.Max(_state.SignedAt, 0);
        var lostAt = from + Days(30) + (long)(_drivers.ChampionLostFraction * 1.3 * Math.Max(_endMs - from, DayMs));
        _state.ChampionLostAt = lostAt;
        _people[champion].LeftAt = lostAt;
    }

    /// <summary>The technical buyer connects the integration once in the product; until then, the lead does it.</summary>
    private void ConnectIntegration(long signed, bool slow)
    {
        var at = WorkTime(signed + Days(slow ? _rng.Uniform(15, 60) : _rng.Uniform(3, 15)));
        var technical = WithRole(Role.TechnicalBuyer, at);
        Add(at, EventType.IntegrationConnected, _people[technical].KnownAt <= at ? technical : Lead(at),
            _json.Str("integration", _rng.Pick(Catalog.Integrations)).Build());
    }

    /// <summary>The first report created, then viewed: first value. Returns its time.</summary>
    private long ReachFirstValue(long signed, bool slow)
    {
        var firstValue = WorkTime(signed + Days(slow ? _rng.Uniform(20, 75) : _rng.Uniform(2, 10)));
        var created = Math.Max(signed + HourMs, firstValue - Days(_rng.Uniform(0.2, 3)));
        Add(created, EventType.ReportCreated, Lead(created), ReportProps());
        if (Add(firstValue, EventType.ReportViewed, Lead(firstValue), ReportProps()))
        {
            _state.FirstValueAt = firstValue;
        }

        return firstValue;
    }

    private void Train(long signed, bool slow)
    {
        var trained = _rng.Between(slow ? 0 : 1, Math.Min(3, _people.Count));
        for (var i = 0; i < trained; i++)
        {
            var at = WorkTime(signed + Days(_rng.Uniform(5, 40)));
            var person = (Lead() + i) % _people.Count;
            var known = _people[person].KnownAt <= at && _people[person].LeftAt > at;
            Add(at, EventType.TrainingCompleted, known ? person : Lead(at), _json.Str("course", _rng.Pick(Courses)).Build());
        }
    }

    private static readonly string[] Courses = ["reporting-basics", "admin-essentials", "advanced-dashboards"];

    private void InviteTeam(int lead, long signed, double withinDays)
    {
        for (var k = 0; k < _people.Count; k++)
        {
            var person = _people[k];
            if (k == lead || person.Has(Role.EconomicBuyer) || person.Has(Role.DecisionMaker) || person.KnownAt < signed || person.AnonymousId is not null)
            {
                continue;
            }

            var invited = WorkTime(signed + Days(_rng.Uniform(0.5, withinDays)));
            if (Add(invited, EventType.UserInvited, Lead(invited), _json.Str("invitee_id", person.Id).Str("role", person.RoleNames[0]).Build()))
            {
                person.KnownAt = Math.Min(person.KnownAt, invited + (long)(_rng.Uniform(0.05, 2) * DayMs));
            }
        }
    }

    private Properties ReportProps() => _json.Str("report_id", $"r{_index}-{_rng.Next(6) + 1}").Build();
}
