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
        var signed = _state.SignedAt;
        var customerFrom = Math.Max(signed, 0);
        if (_drivers.Champion == ChampionState.Lost)
        {
            // The champion leaves somewhere between a month after signing (or the start) and well past the period.
            var lostAt = customerFrom + Days(30) + (long)(_drivers.ChampionLostFraction * 1.3 * Math.Max(_endMs - customerFrom, DayMs));
            _state.ChampionLostAt = lostAt;
            var champion = ChampionIndex();
            if (champion >= 0)
            {
                _people[champion].LeftAt = lostAt;
            }
        }

        if (_state.CustomerAtStart)
        {
            return;
        }

        var slow = _drivers.SlowValue;
        var lead = Lead();
        Meeting(signed + Days(_rng.Uniform(1, 6)), lead, "kickoff");
        InviteTeam(lead, signed, slow ? 45 : 12);
        // The technical buyer connects the integration once in the product; until invited, the lead does it.
        var technical = WithRole(Role.TechnicalBuyer);
        var integrated = WorkTime(signed + Days(slow ? _rng.Uniform(15, 60) : _rng.Uniform(3, 15)));
        Add(integrated, EventType.IntegrationConnected, _people[technical].KnownAt <= integrated ? technical : lead,
            _json.Str("integration", _rng.Pick(Catalog.Integrations)).Build());

        var neverChance = slow ? 0.35 : 0.04;
        if (_drivers.Champion == ChampionState.Absent)
        {
            neverChance *= 1.5;
        }

        if (slow)
        {
            Meeting(signed + Days(_rng.Uniform(14, 30)), lead, "working_session");
        }

        if (_rng.Chance(neverChance))
        {
            _state.NeverValue = true;
            return;
        }

        var firstValue = WorkTime(signed + Days(slow ? _rng.Uniform(20, 75) : _rng.Uniform(2, 10)));
        Add(firstValue - Days(_rng.Uniform(0.2, 3)), EventType.ReportCreated, lead, ReportProps());
        if (Add(firstValue, EventType.ReportViewed, lead, ReportProps()))
        {
            _state.FirstValueAt = firstValue;
        }

        var trained = _rng.Between(slow ? 0 : 1, Math.Min(3, _people.Count));
        for (var i = 0; i < trained; i++)
        {
            var at = WorkTime(signed + Days(_rng.Uniform(5, 40)));
            var person = (lead + i) % _people.Count;
            Add(at, EventType.TrainingCompleted, _people[person].KnownAt <= at ? person : lead, _json.Str("course", _rng.Pick(Courses)).Build());
        }

        var schedule = (slow ? 0.45 : 0.85) * (_drivers.Champion == ChampionState.Absent ? 0.6 : 1.0);
        if (_rng.Chance(schedule))
        {
            Add(WorkTime(firstValue + Days(_rng.Uniform(1, 14))), EventType.ReportScheduled, lead,
                _json.Str("report_id", $"r{_index}-1").Str("frequency", Catalog.Frequencies[_rng.PickWeighted([0.15, 0.75, 1.0])]).Build());
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
            if (Add(invited, EventType.UserInvited, lead, _json.Str("invitee_id", person.Id).Str("role", person.RoleNames[0]).Build()))
            {
                person.KnownAt = Math.Min(person.KnownAt, invited + (long)(_rng.Uniform(0.05, 2) * DayMs));
            }
        }
    }

    private Properties ReportProps() => _json.Str("report_id", $"r{_index}-{_rng.Next(6) + 1}").Build();
}
