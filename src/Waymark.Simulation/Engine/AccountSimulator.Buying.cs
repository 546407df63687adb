using Waymark.Core.Model;

namespace Waymark.Simulation.Engine;

/// <summary>
/// The sale, shaped by the adoption stage: discovery (early market: webinars and a trial),
/// diagnosis (chasm: working sessions and peer references), a buying mission (tornado or any
/// enterprise: RFP, shortlist, competitor demos, bake-off, security review) or product-led
/// (main street: a trial that converts). It ends in <c>contract_signed</c> or <c>deal_lost</c>,
/// unless the period ends first. Fit and the champion change the odds of winning.
/// </summary>
internal sealed partial class AccountSimulator
{
    private void RunBuying()
    {
        var lead = Lead();
        var t = _convertedAt;
        var mission = _profile.Stage == Tornado || _profile.Segment == Enterprise;
        if (_profile.Stage != MainStreet)
        {
            t += Days(_rng.Uniform(2, 10));
            Add(WorkTime(t), EventType.DemoHeld, lead, Properties.Empty);
        }

        t = mission ? BuyingMission(t) : _profile.Stage switch
        {
            EarlyMarket => Discovery(t, lead),
            Chasm => Diagnosis(t, lead),
            _ => ProductLedTrial(t, lead),
        };

        var win = _profile.Stage switch { EarlyMarket => 0.55, Chasm => 0.45, Tornado => 0.50, _ => 0.60 };
        win *= _drivers.PoorFit ? 0.55 : 1.15;
        win *= _drivers.Champion == ChampionState.Absent ? 0.75 : 1.1;
        var decider = WithRole(Role.EconomicBuyer);
        // Most decide within two weeks of the offer; some wait for a budget cycle.
        var decided = WorkTime(t + Days(_rng.Chance(0.2) ? _rng.Uniform(25, 60) : _rng.Uniform(2, 12)));
        if (_rng.Chance(Math.Min(win, 0.92)))
        {
            if (decided < _endMs)
            {
                Sign(decided, decider);
            }
        }
        else
        {
            var competitor = _rng.Pick(Catalog.Competitors);
            if (Add(decided, EventType.DealLost, decider, _json.Str("competitor", competitor).Str("reason", _rng.Pick(LossReasons)).Build()))
            {
                _state.LostTo = competitor;
            }
        }
    }

    private static readonly string[] LossReasons = ["price", "features", "incumbent", "timing"];

    private long BuyingMission(long t)
    {
        var economic = WithRole(Role.EconomicBuyer);
        var technical = WithRole(Role.TechnicalBuyer);
        t += Days(_rng.Uniform(5, 20));
        Add(WorkTime(t), EventType.RfpIssued, economic, _json.Str("rfp_id", $"rfp-{_index}").Build());
        t += Days(_rng.Uniform(10, 30));
        Add(WorkTime(t), EventType.VendorShortlisted, economic, _json.Num("vendors", _rng.Between(2, 4)).Build());
        var rivals = _rng.Between(1, 2);
        for (var i = 0; i < rivals; i++)
        {
            Add(WorkTime(t + Days(_rng.Uniform(1, 15))), EventType.CompetitorDemoHeld, technical,
                _json.Str("competitor", _rng.Pick(Catalog.Competitors)).Build());
        }

        t += Days(_rng.Uniform(5, 15));
        Add(WorkTime(t), EventType.BakeOffStarted, technical, _json.Num("vendors", rivals + 1).Build());
        Meeting(t + Days(_rng.Uniform(2, 8)), technical, "working_session");
        t += Days(_rng.Uniform(14, 40));
        Add(WorkTime(t), EventType.BakeOffCompleted, technical, _json.Num("vendors", rivals + 1).Build());
        t += Days(_rng.Uniform(5, 25));
        Add(WorkTime(t), EventType.SecurityReviewPassed, technical, Properties.Empty);
        t += Days(_rng.Uniform(2, 10));
        Add(WorkTime(t), EventType.ProposalSent, economic, Properties.Empty);
        return t;
    }

    private long Discovery(long t, int lead)
    {
        Add(WorkTime(t + Days(_rng.Uniform(1, 7))), EventType.WebinarAttended, lead, _json.Str("webinar", "analytics-roi").Build());
        t += Days(_rng.Uniform(3, 10));
        Add(WorkTime(t), EventType.TrialStarted, lead, _json.Str("plan", "trial").Build());
        TrialSessions(lead, t, t + Days(14));
        CompetitorLook(t, lead, 0.25);
        t += Days(_rng.Uniform(10, 25));
        Add(WorkTime(t), EventType.ProposalSent, lead, Properties.Empty);
        return t;
    }

    private long Diagnosis(long t, int lead)
    {
        t += Days(_rng.Uniform(5, 15));
        Meeting(t, lead, "working_session");
        if (_rng.Chance(0.6))
        {
            Add(WorkTime(t + Days(_rng.Uniform(3, 10))), EventType.PeerReferenceCall, lead,
                _json.Str("reference", $"customer-{_rng.Next(500)}").Build());
        }

        CompetitorLook(t, lead, 0.3);
        t += Days(_rng.Uniform(10, 30));
        Meeting(t, WithRole(Role.DecisionMaker), "working_session");
        t += Days(_rng.Uniform(3, 12));
        Add(WorkTime(t), EventType.ProposalSent, WithRole(Role.EconomicBuyer), Properties.Empty);
        return t;
    }

    /// <summary>Visionaries and pragmatists look at a competitor too, sometimes, within two weeks.</summary>
    private void CompetitorLook(long t, int person, double chance)
    {
        if (_rng.Chance(chance))
        {
            Add(WorkTime(t + Days(_rng.Uniform(1, 14))), EventType.CompetitorDemoHeld, person,
                _json.Str("competitor", _rng.Pick(Catalog.Competitors)).Build());
        }
    }

    private long ProductLedTrial(long t, int lead)
    {
        TrialSessions(lead, t, t + Days(14));
        return t + Days(_rng.Uniform(10, 20));
    }

    private void TrialSessions(int person, long from, long until)
    {
        for (var t = from + Days(_rng.Uniform(0, 2)); t < until; t += Days(_rng.Exponential(2.5)))
        {
            Session(WorkTime(t), person, allowReports: false);
        }
    }

    private void Meeting(long t, int person, string type) =>
        Add(WorkTime(t), EventType.MeetingHeld, person, type switch
        {
            "kickoff" => KickoffProps,
            "qbr" => QbrProps,
            _ => WorkingSessionProps,
        });

    private static readonly Properties KickoffProps = Properties.FromTrustedJson("{\"type\":\"kickoff\"}");
    private static readonly Properties QbrProps = Properties.FromTrustedJson("{\"type\":\"qbr\"}");
    private static readonly Properties WorkingSessionProps = Properties.FromTrustedJson("{\"type\":\"working_session\"}");

    private void Sign(long at, int person)
    {
        var segment = _profile.Segment;
        _state.Plan = segment switch { Smb => _rng.Next(2), MidMarket => 1 + _rng.Next(2), _ => 2 + _rng.Next(2) };
        _state.Seats = segment switch { Smb => _rng.Between(3, 25), MidMarket => _rng.Between(15, 120), _ => _rng.Between(100, 1500) };
        _state.Mrr = (long)_state.Seats * Catalog.SeatPrice[_state.Plan];
        _state.TermDays = segment == Smb ? 182 : 365;
        _state.SignedAt = at;
        _state.LastChangeAt = at;
        Add(at, EventType.ContractSigned, person, _json.Str("plan", Catalog.Plans[_state.Plan]).Num("seats", _state.Seats)
            .Num("mrr", _state.Mrr).Num("term_months", _state.TermDays == 182 ? 6 : 12).Build(), _state.Mrr);
        PlanChanged(at, person);
    }

    /// <summary>An account that was a customer before the period: signed some time in the last term.</summary>
    private void StartAsCustomer()
    {
        var segment = _profile.Segment;
        _state.Plan = segment switch { Smb => _rng.Next(2), MidMarket => 1 + _rng.Next(2), _ => 2 + _rng.Next(2) };
        _state.Seats = segment switch { Smb => _rng.Between(3, 25), MidMarket => _rng.Between(15, 120), _ => _rng.Between(100, 1500) };
        _state.Mrr = (long)_state.Seats * Catalog.SeatPrice[_state.Plan];
        _state.TermDays = segment == Smb ? 182 : 365;
        _state.SignedAt = -Days(_rng.Uniform(1, _state.TermDays - 1));
        _state.LastChangeAt = _state.SignedAt;
        foreach (var person in _people)
        {
            person.KnownAt = 0;
        }
    }
}
