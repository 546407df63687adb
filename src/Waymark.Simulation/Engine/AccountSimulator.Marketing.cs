namespace Waymark.Simulation.Engine;

/// <summary>
/// Marketing: prospects' people visit anonymously (page views with UTM tags, ad clicks), then
/// one of them converts — a demo request, or a trial on main street — and is identified; the
/// identified visitors get emails, webinars, events and partner referrals.
/// </summary>
internal sealed partial class AccountSimulator
{
    /// <summary>When the lead visitor converted (ms), the start of the sales cycle.</summary>
    private long _convertedAt;

    private void RunMarketing()
    {
        var arrival = Days(_rng.Uniform(0, 0.8 * _endMs / DayMs));
        var lead = Lead();
        var visitors = Math.Min(_people.Count, 1 + _rng.Next(3));
        var window = Days(_rng.Uniform(7, 45));
        _convertedAt = arrival + (long)(window * _rng.Uniform(0.4, 0.8));
        for (var v = 0; v < visitors; v++)
        {
            var person = v == 0 ? lead : (lead + v) % _people.Count;
            if (v > 0 && person == lead)
            {
                continue;
            }

            _people[person].AnonymousId = AnonymousId();
            var knownAt = v == 0 ? _convertedAt : _convertedAt + Days(_rng.Uniform(1, 20));
            Browse(person, arrival + Days(_rng.Uniform(0, 5)), knownAt, _rng.Between(2, 8));
            NurtureKnown(person, knownAt, _convertedAt + window);
        }

        var stage = _profile.Stage;
        var conversion = stage == MainStreet ? EventType.TrialStarted : EventType.DemoRequested;
        Add(_convertedAt, conversion, lead, conversion == EventType.TrialStarted ? _json.Str("plan", "trial").Build() : Utm());
        if (_rng.Chance(0.12))
        {
            Add(_convertedAt - Days(_rng.Uniform(1, 10)), EventType.PartnerReferral, lead,
                _json.Str("partner", _rng.Pick(Partners)).Build());
        }
    }

    private static readonly string[] Partners = ["acme-consulting", "datawise-partners", "cloudbridge"];

    /// <summary>Anonymous touches before the person is known.</summary>
    private void Browse(int person, long from, long until, int touches)
    {
        var t = from;
        for (var i = 0; i < touches && t < until; i++)
        {
            if (_rng.Chance(0.2))
            {
                Add(t, EventType.AdClicked, person, _json.Str("campaign", _rng.Pick(Catalog.Campaigns))
                    .Str("network", _rng.Pick(AdNetworks)).Build());
            }

            Add(t + 1000, EventType.PageViewed, person, Utm());
            t += (long)(_rng.Exponential(2.0) * DayMs) + 60_000;
        }

        _people[person].KnownAt = Math.Min(_people[person].KnownAt, until);
    }

    private static readonly string[] AdNetworks = ["google", "linkedin", "meta"];

    /// <summary>Touches of a known prospect: emails, webinars, events.</summary>
    private void NurtureKnown(int person, long from, long until)
    {
        var t = from + Days(_rng.Uniform(0.5, 4));
        while (t < until)
        {
            var roll = _rng.NextDouble();
            if (roll < 0.5)
            {
                Add(WorkTime(t), EventType.EmailOpened, person, _json.Str("campaign", _rng.Pick(Catalog.Campaigns)).Build());
            }
            else if (roll < 0.7)
            {
                Add(WorkTime(t), EventType.WebinarAttended, person, _json.Str("webinar", _rng.Pick(Webinars)).Build());
            }
            else if (roll < 0.8)
            {
                Add(WorkTime(t), EventType.EventAttended, person, _json.Str("event", _rng.Pick(Events)).Build());
            }
            else
            {
                Add(t, EventType.PageViewed, person, Utm());
            }

            t += Days(_rng.Exponential(6.0));
        }
    }

    private static readonly string[] Webinars = ["weekly-reporting-101", "from-spreadsheets-to-reports", "analytics-roi"];
    private static readonly string[] Events = ["saas-summit", "data-days", "revops-live"];

    private Core.Model.Properties Utm() => _json
        .Str("path", _rng.Pick(Catalog.Pages))
        .Str("utm_source", _rng.Pick(Catalog.UtmSources))
        .Str("utm_medium", _rng.Pick(Catalog.UtmMediums))
        .Str("utm_campaign", _rng.Pick(Catalog.Campaigns))
        .Build();

    private string AnonymousId()
    {
        var bits = _rng.NextULong();
        return string.Create(21, bits, static (chars, value) =>
        {
            "anon-".AsSpan().CopyTo(chars);
            value.TryFormat(chars[5..], out _, "x16", System.Globalization.CultureInfo.InvariantCulture);
        });
    }
}
