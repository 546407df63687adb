namespace Waymark.Simulation.Engine;

/// <summary>
/// The commercial lifecycle of a customer, walked in time order: expansions (<c>seats_added</c>,
/// <c>plan_upgraded</c>), contractions (<c>seats_reduced</c>, <c>plan_downgraded</c>), renewals
/// at each term end (<c>renewal_due</c> 30 days before, then <c>renewal_signed</c> or
/// <c>churned</c>), and early cancellation of accounts that never reached first value.
/// Churn odds at a renewal rise with slow first value, no value at all, a lost or absent
/// champion, bad support and poor fit; expansion needs value, and good fit and a champion
/// make it far more likely.
/// </summary>
internal sealed partial class AccountSimulator
{
    private void RunLifecycle()
    {
        var from = Math.Max(_state.SignedAt, 0);
        var nextRenewal = _state.SignedAt + Days(_state.TermDays);
        var cancelAt = NotYet;
        if (_state.NeverValue && _rng.Chance(_profile.Segment == Smb ? 0.7 : 0.55))
        {
            cancelAt = _state.SignedAt + Days(_rng.Uniform(60, 150));
        }

        var nextChange = from + Days(_rng.Exponential(30.0 / ChangeRate()));
        while (true)
        {
            var t = Math.Min(Math.Min(nextRenewal, cancelAt), nextChange);
            if (t >= _endMs)
            {
                return;
            }

            if (t == cancelAt)
            {
                Churn(WorkTime(t), "no-value");
                return;
            }

            if (t == nextRenewal)
            {
                if (Renew(t))
                {
                    return;
                }

                nextRenewal += Days(_state.TermDays);
                continue;
            }

            Change(WorkTime(t));
            nextChange = t + Days(_rng.Exponential(30.0 / ChangeRate()));
        }
    }

    /// <summary>Expected seat or plan changes per month.</summary>
    private double ChangeRate() => (_state.NeverValue ? 0.02 : 0.10) * (_drivers.PoorFit ? 0.5 : 1.0);

    /// <summary>Handles a renewal date; true when the account churned.</summary>
    private bool Renew(long at)
    {
        var buyer = WithRole(Core.Model.Role.EconomicBuyer, at + Days(4));
        Add(WorkTime(at - Days(30)), EventType.RenewalDue, buyer, _json.Num("mrr", _state.Mrr).Build(), _state.Mrr);
        var risk = 0.05;
        risk += _drivers.SlowValue ? 0.12 : 0;
        risk += _state.NeverValue ? 0.35 : 0;
        risk += _drivers.Champion switch
        {
            ChampionState.Absent => 0.08,
            ChampionState.Lost when _state.ChampionLostAt < at => 0.35,
            _ => 0,
        };
        risk += _drivers.BadSupport ? 0.18 : 0;
        risk += _drivers.PoorFit ? 0.10 : 0;
        if (risk > 0.25 && _rng.Chance(0.5))
        {
            Add(WorkTime(at - Days(_rng.Uniform(20, 90))), EventType.CompetitorOutreach, buyer,
                _json.Str("competitor", _rng.Pick(Catalog.Competitors)).Build());
        }

        if (!_rng.Chance(Math.Min(risk, 0.9)))
        {
            Add(WorkTime(at - Days(_rng.Uniform(0, 20))), EventType.RenewalSigned, buyer,
                _json.Str("plan", Catalog.Plans[_state.Plan]).Num("seats", _state.Seats).Num("mrr", _state.Mrr)
                    .Num("term_months", _state.TermDays == 182 ? 6 : 12).Build(), _state.Mrr);
            return false;
        }

        if (_rng.Chance(0.4))
        {
            Contract(WorkTime(at - Days(_rng.Uniform(20, 60))));
        }

        Churn(WorkTime(at), _drivers.BadSupport ? "support" : _state.NeverValue || _drivers.SlowValue ? "no-value" : "budget");
        return true;
    }

    /// <summary>Keeps plan changes in time order and inside the period; false when the change falls outside it.</summary>
    private bool NextChangeTime(ref long at)
    {
        at = Math.Max(at, _state.LastChangeAt + HourMs);
        if (at >= _endMs)
        {
            return false;
        }

        _state.LastChangeAt = at;
        return true;
    }

    private void Churn(long at, string reason)
    {
        if (!NextChangeTime(ref at))
        {
            return;
        }

        var buyer = WithRole(Core.Model.Role.EconomicBuyer, at);
        if (Add(at, EventType.Churned, buyer, _json.Str("reason", reason).Num("mrr", _state.Mrr).Build(), -_state.Mrr))
        {
            _state.ChurnedAt = at;
            _state.Mrr = 0;
            _state.Seats = 0;
            PlanChanged(at, buyer);
        }
    }

    private void Change(long at)
    {
        // Value, fit and a champion on board push changes up; their absence pushes them down.
        var up = 0.85;
        up -= _drivers.PoorFit ? 0.45 : 0;
        up -= _drivers.BadSupport ? 0.2 : 0;
        up -= _drivers.Champion == ChampionState.Absent || (_drivers.Champion == ChampionState.Lost && _state.ChampionLostAt < at) ? 0.2 : 0;
        up -= _state.NeverValue ? 0.4 : 0;
        if (_state.FirstValueAt > at && !_state.CustomerAtStart)
        {
            return;
        }

        if (_rng.Chance(Math.Max(up, 0.05)))
        {
            Expand(at);
        }
        else
        {
            Contract(at);
        }
    }

    private void Expand(long at)
    {
        if (!NextChangeTime(ref at))
        {
            return;
        }

        var buyer = WithRole(Core.Model.Role.EconomicBuyer, at);
        var before = _state.Mrr;
        bool added;
        if (_state.Plan < Catalog.Plans.Length - 1 && _rng.Chance(0.3))
        {
            var from = Catalog.Plans[_state.Plan++];
            _state.Mrr = (long)_state.Seats * Catalog.SeatPrice[_state.Plan];
            added = Add(at, EventType.PlanUpgraded, buyer, _json.Str("from_plan", from).Str("to_plan", Catalog.Plans[_state.Plan])
                .Num("mrr_delta", _state.Mrr - before).Build(), _state.Mrr - before);
        }
        else
        {
            var seats = Math.Max(1, _state.Seats / _rng.Between(4, 10));
            _state.Seats += seats;
            _state.Mrr = (long)_state.Seats * Catalog.SeatPrice[_state.Plan];
            added = Add(at, EventType.SeatsAdded, Lead(at), _json.Num("seats_added", seats).Num("seats", _state.Seats)
                .Num("mrr_delta", _state.Mrr - before).Build(), _state.Mrr - before);
        }

        _state.Expanded |= added;
        PlanChanged(at, buyer);
    }

    private void Contract(long at)
    {
        if (!NextChangeTime(ref at))
        {
            return;
        }

        var buyer = WithRole(Core.Model.Role.EconomicBuyer, at);
        var before = _state.Mrr;
        bool added;
        if (_state.Plan > 0 && _rng.Chance(0.3))
        {
            var from = Catalog.Plans[_state.Plan--];
            _state.Mrr = (long)_state.Seats * Catalog.SeatPrice[_state.Plan];
            added = Add(at, EventType.PlanDowngraded, buyer, _json.Str("from_plan", from).Str("to_plan", Catalog.Plans[_state.Plan])
                .Num("mrr_delta", _state.Mrr - before).Build(), _state.Mrr - before);
        }
        else
        {
            var seats = Math.Max(1, _state.Seats / _rng.Between(4, 10));
            if (seats >= _state.Seats)
            {
                return;
            }

            _state.Seats -= seats;
            _state.Mrr = (long)_state.Seats * Catalog.SeatPrice[_state.Plan];
            added = Add(at, EventType.SeatsReduced, buyer, _json.Num("seats_removed", seats).Num("seats", _state.Seats)
                .Num("mrr_delta", _state.Mrr - before).Build(), _state.Mrr - before);
        }

        _state.Contracted |= added;
        PlanChanged(at, buyer);
    }
}
