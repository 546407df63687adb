using Waymark.Core.Model;

namespace Waymark.Simulation.Engine;

/// <summary>Every message the simulator makes: events, then the two profile kinds.</summary>
internal enum EventType : byte
{
    PageViewed, AdClicked, EmailOpened, WebinarAttended, PartnerReferral, EventAttended,
    TrialStarted, DemoRequested, DemoHeld, PeerReferenceCall,
    RfpIssued, VendorShortlisted, CompetitorDemoHeld, BakeOffStarted, BakeOffCompleted, SecurityReviewPassed,
    MeetingHeld, ProposalSent, ContractSigned, DealLost,
    UserInvited, ReportCreated, ReportViewed, ReportScheduled, IntegrationConnected, TrainingCompleted,
    SessionStarted, FeatureUsed,
    TicketOpened, TicketResolved, CsatSubmitted,
    RenewalDue, RenewalSigned, SeatsAdded, PlanUpgraded, SeatsReduced, PlanDowngraded, Churned, CompetitorOutreach,
    NpsSubmitted, ReviewPosted, ReferralMade, CaseStudyPublished,
    Identify, Group,
}

/// <summary>The fixed wire shape of each <see cref="EventType"/>: name, channel, actor and reporting system.</summary>
internal static class EventTypes
{
    private static readonly (string Name, string Channel, Actor Actor, string Source)[] Shapes =
    [
        ("page_viewed", "web", Actor.Customer, "website"),
        ("ad_clicked", "ads", Actor.Customer, "ads"),
        ("email_opened", "email", Actor.Customer, "marketing"),
        ("webinar_attended", "webinar", Actor.Customer, "marketing"),
        ("partner_referral", "partner", Actor.Partner, "crm"),
        ("event_attended", "event", Actor.Customer, "marketing"),
        ("trial_started", "product", Actor.Customer, "product"),
        ("demo_requested", "web", Actor.Customer, "website"),
        ("demo_held", "meeting", Actor.Vendor, "crm"),
        ("peer_reference_call", "meeting", Actor.Peer, "crm"),
        ("rfp_issued", "sales", Actor.Customer, "crm"),
        ("vendor_shortlisted", "sales", Actor.Customer, "crm"),
        ("competitor_demo_held", "meeting", Actor.Competitor, "crm"),
        ("bake_off_started", "product", Actor.Customer, "crm"),
        ("bake_off_completed", "product", Actor.Customer, "crm"),
        ("security_review_passed", "sales", Actor.Customer, "crm"),
        ("meeting_held", "meeting", Actor.Vendor, "crm"),
        ("proposal_sent", "sales", Actor.Vendor, "crm"),
        ("contract_signed", "sales", Actor.Customer, "billing"),
        ("deal_lost", "sales", Actor.Customer, "crm"),
        ("user_invited", "product", Actor.Customer, "product"),
        ("report_created", "product", Actor.Customer, "product"),
        ("report_viewed", "product", Actor.Customer, "product"),
        ("report_scheduled", "product", Actor.Customer, "product"),
        ("integration_connected", "product", Actor.Customer, "product"),
        ("training_completed", "webinar", Actor.Customer, "academy"),
        ("session_started", "product", Actor.Customer, "product"),
        ("feature_used", "product", Actor.Customer, "product"),
        ("ticket_opened", "support", Actor.Customer, "helpdesk"),
        ("ticket_resolved", "support", Actor.Vendor, "helpdesk"),
        ("csat_submitted", "support", Actor.Customer, "helpdesk"),
        ("renewal_due", "sales", Actor.Vendor, "billing"),
        ("renewal_signed", "sales", Actor.Customer, "billing"),
        ("seats_added", "product", Actor.Customer, "billing"),
        ("plan_upgraded", "sales", Actor.Customer, "billing"),
        ("seats_reduced", "product", Actor.Customer, "billing"),
        ("plan_downgraded", "sales", Actor.Customer, "billing"),
        ("churned", "sales", Actor.Customer, "billing"),
        ("competitor_outreach", "email", Actor.Competitor, "crm"),
        ("nps_submitted", "email", Actor.Customer, "survey"),
        ("review_posted", "web", Actor.Customer, "reviews"),
        ("referral_made", "email", Actor.Customer, "crm"),
        ("case_study_published", "web", Actor.Vendor, "marketing"),
    ];

    public static string[] AllNames() => Array.ConvertAll(Shapes, s => s.Name);

    public static string Name(EventType type) => Shapes[(int)type].Name;

    public static string Channel(EventType type) => Shapes[(int)type].Channel;

    public static Actor ActorOf(EventType type) => Shapes[(int)type].Actor;

    public static string Source(EventType type) => Shapes[(int)type].Source;
}
