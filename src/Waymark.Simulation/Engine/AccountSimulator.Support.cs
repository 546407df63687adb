
namespace Waymark.Simulation.Engine;

/// <summary>
/// Support: tickets arrive at a rate by segment (more with bad support and slow value). Good
/// support resolves in hours with positive sentiment and CSAT 4–5; bad support takes days,
/// leaves negative sentiment and CSAT 1–3, and gets more high and critical tickets.
/// </summary>
internal sealed partial class AccountSimulator
{
    private static readonly string[] Severities = ["low", "medium", "high", "critical"];
    private static readonly string[] Topics = ["login", "data-sync", "report-error", "billing", "performance", "how-to"];

    private void RunSupport()
    {
        var from = Math.Max(_state.SignedAt, 0);
        var until = Math.Min(_state.ChurnedAt, _endMs);
        var perMonth = _profile.Segment switch { Smb => 0.4, MidMarket => 0.8, _ => 1.5 };
        perMonth *= _drivers.BadSupport ? 1.5 : 1.0;
        perMonth *= _drivers.SlowValue ? 1.3 : 1.0;
        var number = 0;
        for (var t = from + Days(_rng.Exponential(30 / perMonth)); t < until; t += Days(_rng.Exponential(30 / perMonth)))
        {
            var person = _rng.Next(_people.Count);
            if (_people[person].KnownAt > t || _people[person].LeftAt < t)
            {
                person = Lead(t);
            }

            Ticket(WorkTime(t), person, ++number);
        }
    }

    private void Ticket(long at, int person, int number)
    {
        var bad = _drivers.BadSupport;
        var severity = _rng.PickWeighted(bad ? [0.25, 0.55, 0.85, 1.0] : [0.45, 0.82, 0.96, 1.0]);
        var id = $"t{_index}-{number}";
        Add(at, EventType.TicketOpened, person, _json.Str("ticket_id", id).Str("severity", Severities[severity])
            .Str("topic", _rng.Pick(Topics)).Build(), sentiment: Round(_rng.Uniform(-0.6, -0.1)));

        var hours = bad ? _rng.Exponential(60) + 8 : _rng.Exponential(severity >= 2 ? 3 : 8) + 0.25;
        var resolved = at + (long)(hours * HourMs);
        var sentiment = bad ? _rng.Uniform(-0.8, 0.1) : _rng.Uniform(0.3, 0.9);
        Add(resolved, EventType.TicketResolved, person, _json.Str("ticket_id", id).Str("severity", Severities[severity])
            .Num("resolution_minutes", (long)(hours * 60)).Build(), sentiment: Round(sentiment));

        if (_rng.Chance(0.4))
        {
            var score = bad ? _rng.Between(1, 3) : _rng.Between(4, 5);
            Add(resolved + Days(_rng.Uniform(0.1, 2)), EventType.CsatSubmitted, person,
                _json.Str("ticket_id", id).Num("score", score).Build(), score, (score - 3) / 2.0);
        }
    }

    /// <summary>Rounds to two decimals with IEEE-exact operations.</summary>
    private static double Round(double x) => Math.Round(x * 100) / 100;
}
