using Waymark.Core.Model;

namespace Waymark.Simulation.Engine;

/// <summary>
/// Relationship and advocacy: quarterly business reviews for mid-market and enterprise
/// customers, NPS surveys every quarter (scores lowered by bad support, slow value, a lost
/// champion and poor fit), and from promoters reviews, referrals and, rarely, a case study;
/// detractors sometimes post a bad review.
/// </summary>
internal sealed partial class AccountSimulator
{
    private void RunAdvocacy()
    {
        var from = Math.Max(_state.SignedAt, 0);
        var until = Math.Min(_state.ChurnedAt, _endMs);
        if (_profile.Segment != Smb)
        {
            for (var t = from + Days(_rng.Uniform(60, 100)); t < until; t += Days(_rng.Uniform(80, 100)))
            {
                Meeting(t, WithRole(Role.EconomicBuyer, t + Days(4)), "qbr");
            }
        }

        var promoters = 0;
        for (var t = from + Days(_rng.Uniform(30, 60)); t < until; t += Days(_rng.Uniform(85, 95)))
        {
            for (var k = 0; k < _people.Count; k++)
            {
                var person = _people[k];
                if (person.KnownAt <= t && person.LeftAt > t && _rng.Chance(0.3))
                {
                    promoters += Survey(WorkTime(t + Days(_rng.Uniform(0, 5))), k) ? 1 : 0;
                }
            }
        }

        if (promoters >= 2 && _rng.Chance(0.3))
        {
            var at = WorkTime(from + Days(_rng.Uniform(120, 300)));
            Add(at, EventType.CaseStudyPublished, Lead(at),
                _json.Str("title", $"How {_profile.Name} runs weekly reporting").Build());
        }
    }

    /// <summary>One NPS answer and what a promoter or detractor does next; true for a promoter.</summary>
    private bool Survey(long at, int person)
    {
        var score = 8.5 + _rng.Uniform(-2, 2);
        score -= _drivers.BadSupport ? 3.5 : 0;
        score -= _drivers.SlowValue ? 1.5 : 0;
        score -= _state.NeverValue ? 2 : 0;
        score -= _drivers.Champion == ChampionState.Lost && at >= _state.ChampionLostAt ? 2 : 0;
        score -= _drivers.PoorFit ? 1 : 0;
        var nps = (int)Math.Clamp(Math.Round(score), 0, 10);
        if (!Add(at, EventType.NpsSubmitted, person, _json.Num("score", nps).Build(), nps, (nps - 5) / 5.0))
        {
            return false;
        }

        if (nps >= 9)
        {
            if (_rng.Chance(0.2))
            {
                Add(at + Days(_rng.Uniform(1, 20)), EventType.ReviewPosted, person,
                    _json.Str("site", _rng.Pick(Catalog.ReviewSites)).Num("rating", _rng.Between(4, 5)).Build(), sentiment: 0.8);
            }

            if (_rng.Chance(0.12))
            {
                Add(WorkTime(at + Days(_rng.Uniform(1, 40))), EventType.ReferralMade, person,
                    _json.Str("referred_company", $"{_rng.Pick(Catalog.CompanyFirst)}{_rng.Pick(Catalog.CompanySecond)}").Build());
            }

            return true;
        }

        if (nps <= 4 && _rng.Chance(0.1))
        {
            Add(at + Days(_rng.Uniform(1, 20)), EventType.ReviewPosted, person,
                _json.Str("site", _rng.Pick(Catalog.ReviewSites)).Num("rating", _rng.Between(1, 2)).Build(), sentiment: -0.7);
        }

        return false;
    }
}
