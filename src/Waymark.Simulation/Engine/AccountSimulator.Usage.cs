using Waymark.Core.Model;

namespace Waymark.Simulation.Engine;

/// <summary>
/// Product telemetry: every known person of a customer has sessions (<c>session_started</c>,
/// then 1–4 <c>feature_used</c> with the feature name, sometimes a <c>report_viewed</c>) at a
/// personal weekly rate scaled by the account's engagement: low before first value, lower with
/// slow first value, poor fit or no champion, sharply lower after a champion leaves (who stops
/// entirely) and in the two months before churn. Nothing after churn.
/// </summary>
internal sealed partial class AccountSimulator
{
    private static readonly Properties[] FeatureProps = BuildProps("feature", Catalog.Features);
    private static readonly Properties[] PlatformProps = BuildProps("platform", ["web", "web", "web", "desktop", "mobile"]);

    private void RunUsage()
    {
        var from = Math.Max(_state.SignedAt, 0) + (_state.CustomerAtStart ? 0 : Days(2));
        var until = Math.Min(_state.ChurnedAt, _endMs);
        for (var k = 0; k < _people.Count; k++)
        {
            var person = _people[k];
            var start = Math.Max(from, person.KnownAt);
            var end = Math.Min(until, person.LeftAt);
            if (start >= end)
            {
                continue;
            }

            var rate = person.SessionsPerWeek;
            for (var t = start + Gap(rate, start); t < end; t += Gap(rate, t))
            {
                Session(WorkTime(t), k, allowReports: true);
            }
        }
    }

    private long Gap(double sessionsPerWeek, long at) => (long)(_rng.Exponential(7.0 / (sessionsPerWeek * Engagement(at))) * DayMs) + 1;

    /// <summary>How engaged the account is at a time, relative to a healthy customer (1).</summary>
    private double Engagement(long at)
    {
        var e = 1.0;
        if (!_state.CustomerAtStart && at < _state.FirstValueAt)
        {
            e = 0.3;
        }

        e *= _drivers.SlowValue ? 0.75 : 1.0;
        e *= _drivers.PoorFit ? 0.8 : 1.0;
        e *= _drivers.Champion switch
        {
            ChampionState.Absent => 0.8,
            ChampionState.Lost when at >= _state.ChampionLostAt => 0.5,
            _ => 1.0,
        };
        if (at > _state.ChurnedAt - Days(60))
        {
            e *= 0.4;
        }

        return e;
    }

    /// <summary>One product session of a person starting at <paramref name="at"/>.</summary>
    private void Session(long at, int person, bool allowReports)
    {
        if (!Add(at, EventType.SessionStarted, person, PlatformProps[_rng.Next(PlatformProps.Length)]))
        {
            return;
        }

        var t = at;
        var features = 1 + _rng.Next(4);
        for (var i = 0; i < features; i++)
        {
            t += 20_000 + _rng.Next(600_000);
            Add(t, EventType.FeatureUsed, person, FeatureProps[_rng.Next(FeatureProps.Length)]);
        }

        if (allowReports && (_state.CustomerAtStart || at > _state.FirstValueAt) && _rng.Chance(0.3))
        {
            Add(t + 5_000 + _rng.Next(300_000), EventType.ReportViewed, person, ReportProps());
        }
    }

    private static Properties[] BuildProps(string key, string[] values)
    {
        var result = new Properties[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            result[i] = Properties.FromTrustedJson($"{{\"{key}\":\"{values[i]}\"}}");
        }

        return result;
    }
}
