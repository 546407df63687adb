using System.Text.Json;
using System.Text.RegularExpressions;
using Waymark.Core.Model;

namespace Waymark.Simulation.Tests;

/// <summary>The wire shape journey maps will match on: names, channels, actors and properties.</summary>
public sealed partial class EventShapeTests
{
    private static readonly Lazy<CollectingSink> Run = new(() => Some.Run(Some.Options(600, seed: 11)).Sink);

    private static List<Event> Events => Run.Value.Events;

    private static IEnumerable<Event> Named(string name) => Events.Where(e => e.Name == name);

    private static JsonElement Prop(Event e, string key)
    {
        using var doc = e.Properties.ToDocument();
        return doc.RootElement.GetProperty(key).Clone();
    }

    [Fact]
    public void EveryEvent_SnakeCaseNameKnownChannelAndAPersonId()
    {
        var channels = new HashSet<string>(StringComparer.Ordinal)
        {
            "web", "email", "webinar", "ads", "event", "partner", "meeting", "product", "support", "sales",
        };

        Assert.All(Events, e => Assert.Matches(SnakeCase(), e.Name));
        Assert.All(Events, e => Assert.Contains(e.Channel!, channels));
        Assert.All(Events, e => Assert.True(e.PersonId is not null || e.AnonymousId is not null));
        Assert.All(Events, e => Assert.NotEqual(Actor.Unknown, e.Actor));
        Assert.Equal(channels.Order(), Events.Select(e => e.Channel!).Distinct().Order());
        Assert.Equal(5, Events.Select(e => e.Actor).Distinct().Count());
    }

    [Fact]
    public void JourneyEvents_AllPresent()
    {
        string[] expected =
        [
            "ad_clicked", "email_opened", "webinar_attended", "page_viewed", "partner_referral", "event_attended",
            "demo_requested", "demo_held", "trial_started", "rfp_issued", "vendor_shortlisted", "bake_off_started",
            "bake_off_completed", "security_review_passed", "competitor_demo_held", "meeting_held", "contract_signed",
            "deal_lost", "user_invited", "report_created", "report_viewed", "report_scheduled", "integration_connected",
            "training_completed", "feature_used", "session_started", "ticket_opened", "ticket_resolved", "csat_submitted",
            "renewal_due", "renewal_signed", "seats_added", "plan_upgraded", "seats_reduced", "plan_downgraded", "churned",
            "nps_submitted", "review_posted", "referral_made", "case_study_published",
        ];
        var seen = Events.Select(e => e.Name).ToHashSet(StringComparer.Ordinal);

        Assert.All(expected, name => Assert.Contains(name, seen));
        Assert.All(expected, name => Assert.Contains(name, CompanySimulator.EventNames));
        Assert.Equal(CompanySimulator.EventNames.Order(), seen.Order());
    }

    [Fact]
    public void Meetings_KickoffQbrAndWorkingSessions()
    {
        var types = Named("meeting_held").Select(e => Prop(e, "type").GetString()).Distinct().Order().ToList();

        Assert.Equal(["kickoff", "qbr", "working_session"], types);
        Assert.All(Named("meeting_held"), e => Assert.Equal(Actor.Vendor, e.Actor));
    }

    [Fact]
    public void MoneyEvents_ValueIsMrrOrItsChange()
    {
        Assert.All(Named("contract_signed"), e => Assert.Equal(Prop(e, "mrr").GetInt64(), e.Value));
        Assert.All(Named("contract_signed"), e => Assert.InRange(Prop(e, "seats").GetInt32(), 3, 1500));
        Assert.All(Named("plan_upgraded").Concat(Named("seats_added")), e => Assert.True(e.Value > 0 && e.Value == Prop(e, "mrr_delta").GetInt64()));
        Assert.All(Named("plan_downgraded").Concat(Named("seats_reduced")), e => Assert.True(e.Value < 0 && e.Value == Prop(e, "mrr_delta").GetInt64()));
        Assert.All(Named("churned"), e => Assert.Equal(-Prop(e, "mrr").GetInt64(), e.Value));
    }

    [Fact]
    public void SupportAndSurveys_SeveritySentimentAndScores()
    {
        string[] severities = ["critical", "high", "low", "medium"];

        Assert.Equal(severities, Named("ticket_opened").Select(e => Prop(e, "severity").GetString()).Distinct().Order());
        Assert.All(Named("ticket_resolved"), e => Assert.InRange(e.Sentiment!.Value, -1, 1));
        Assert.All(Named("csat_submitted"), e => Assert.InRange(Prop(e, "score").GetInt32(), 1, 5));
        Assert.All(Named("nps_submitted"), e => Assert.InRange(Prop(e, "score").GetInt32(), 0, 10));
        Assert.All(Named("nps_submitted"), e => Assert.NotNull(e.Sentiment));
        Assert.All(Named("deal_lost"), e => Assert.False(string.IsNullOrEmpty(Prop(e, "competitor").GetString())));
        Assert.All(Named("competitor_demo_held"), e => Assert.Equal(Actor.Competitor, e.Actor));
    }

    [Fact]
    public void Onboarding_InviteesArePeopleOfTheAccountAndReportsScheduled()
    {
        var members = Run.Value.Profiles.OfType<GroupMessage>().Select(g => (g.AccountId, g.PersonId)).ToHashSet();

        // An invitee accepts (and is identified) within two days; later invitations may still be pending at the end.
        var acceptedBy = new DateTime(2025, 12, 30, 0, 0, 0, DateTimeKind.Utc);
        Assert.All(Named("user_invited").Where(e => e.Timestamp < acceptedBy), e => Assert.Contains((e.AccountId!, Prop(e, "invitee_id").GetString()), members));
        Assert.Equal(["daily", "monthly", "weekly"], Named("report_scheduled").Select(e => Prop(e, "frequency").GetString()).Distinct().Order());
        Assert.Equal(Catalog().Length, Named("feature_used").Select(e => Prop(e, "feature").GetString()).Distinct().Count());
        Assert.All(Named("page_viewed"), e => Assert.StartsWith("/", Prop(e, "path").GetString()!, StringComparison.Ordinal));
        Assert.Contains(Named("page_viewed"), e => e.Properties.Json.Contains("utm_source", StringComparison.Ordinal));
    }

    [Fact]
    public void Invitees_NoEventsBeforeTheirInvitation()
    {
        var firstEvent = Events.Where(e => e.PersonId is not null).GroupBy(e => e.PersonId!)
            .ToDictionary(g => g.Key, g => g.Min(e => e.Timestamp), StringComparer.Ordinal);
        var invitations = Named("user_invited").ToList();

        Assert.True(invitations.Count > 100);
        Assert.All(invitations, e => Assert.True(
            !firstEvent.TryGetValue(Prop(e, "invitee_id").GetString()!, out var first) || first > e.Timestamp,
            $"{Prop(e, "invitee_id")} acted before being invited at {e.Timestamp:O}"));
    }

    private static string[] Catalog() => ["dashboards", "reports", "alerts", "exports", "sharing", "segments", "forecasting", "api"];

    [GeneratedRegex("^[a-z]+(_[a-z]+)*$")]
    private static partial Regex SnakeCase();
}
