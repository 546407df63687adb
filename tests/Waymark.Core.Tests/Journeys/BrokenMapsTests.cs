using Waymark.Core.Journeys;

namespace Waymark.Core.Tests.Journeys;

/// <summary>
/// Each file in Broken/ holds exactly one mistake; reading it gives exactly that one error, at the
/// line and column of the node at fault, saying what was expected.
/// </summary>
public sealed class BrokenMapsTests
{
    public static TheoryData<string, int, int, string> Cases => new()
    {
        { "after-cycle", 10, 12, "after in milestone 'first-report': milestones wait for each other in a cycle: first-report -> team-in -> first-report (each is after the next)" },
        { "all-optional", 8, 3, "milestones: expected at least one milestone that is not optional; the journey completes when every milestone that is not optional is reached" },
        { "bad-comparison", 10, 58, "gte of seats in where in when in milestone 'first-report': expected a number; found 'many'" },
        { "bad-count", 10, 42, "count in when in milestone 'first-report': expected \">= N\", \"> N\" or N with N counting at least one event (such as \">= 5\"); found '< 3' (a condition becomes true at an event, so \"fewer than\" is written with inactive_for)" },
        { "bad-customer-role", 12, 12, "owner in milestone 'first-report': expected customer, customer:ROLE (such as customer:champion), vendor, partner, or a department: sales, marketing, customer-success, support, product, professional-services, finance, engineering; found 'customer:cio'" },
        { "bad-dimension", 12, 25, "dimension in value in milestone 'first-report': expected one of: economic, functional, experiential, symbolic; found 'financial'" },
        { "bad-duration", 11, 22, "expected_within in milestone 'first-report': expected a duration such as 7d, 36h or 1d12h; found '7x' (a unit: ms, s, m, h, d or w at character 2)" },
        { "bad-id", 8, 9, "id in milestone 1: expected an id of lower-case letters, digits and hyphens, starting with a letter (such as first-report); found 'First Report'" },
        { "bad-kind", 7, 7, "kind: expected one of: discovery, diagnosis, buying-mission, continuous-improvement, other; found 'onboarding'" },
        { "bad-notify", 15, 23, "to in notify in do[1] in contingency 1: expected one of: sales, marketing, customer-success, support, product, professional-services, finance, engineering; found 'success'" },
        { "bad-owner", 12, 12, "owner in milestone 'first-report': expected customer, customer:ROLE (such as customer:champion), vendor, partner, or a department: sales, marketing, customer-success, support, product, professional-services, finance, engineering; found 'custmer-success'" },
        { "bad-perspective", 4, 14, "perspective: expected one of: customer, vendor; found 'client'" },
        { "bad-role", 10, 44, "by_role in when in milestone 'first-report': expected one of: decision-maker, economic-buyer, technical-buyer, champion, influencer, end-user; found 'cio'" },
        { "bad-status", 13, 21, "status in when in contingency 1: expected one of: at-risk, stalled, off-track, completed, abandoned; found 'late'" },
        { "bad-subject", 7, 10, "subject: expected one of: account, person; found 'company'" },
        { "bad-webhook", 15, 25, "url in webhook in do[1] in contingency 1: expected an absolute http or https URL; found 'ftp://example.com/hook'" },
        { "buying-group-person", 8, 15, "buying_group: only an account journey has a buying group; expected subject: account" },
        { "condition-typo", 10, 13, "unknown key 'evnt' in when in milestone 'first-report'; expected one of: event, where, count, distinct, within, by_role, all, any, inactive_for" },
        { "duplicate-contingency-id", 13, 9, "duplicate id 'first-report' for a contingency; ids of milestones, touchpoints and contingencies must be unique in a map (first at line 8, column 9)" },
        { "duplicate-id", 12, 9, "duplicate id 'first-report' for a milestone; ids of milestones, touchpoints and contingencies must be unique in a map (first at line 8, column 9)" },
        { "duplicate-key", 12, 5, "duplicate key 'expected_within' in milestone 'first-report' (first at line 11)" },
        { "empty-any", 6, 21, "any in starts_when: expected at least one condition; found an empty list" },
        { "empty", 1, 1, "expected a journey map starting with format: 1; found an empty file" },
        { "expected-after-first", 11, 21, "expected_after in milestone 'first-report': counts from the milestones in after, but this milestone has none (it is the first that is not optional); use expected_within, which counts from the journey's start" },
        { "expected-both", 12, 21, "expected_after in milestone 'first-report': give expected_within (from the journey's start) or expected_after (from its after milestones), not both" },
        { "inactive-milestone", 10, 13, "inactive_for in when in milestone 'first-report': journeys start, and milestones and touchpoints are reached, at an event, never by inactivity; use inactive_for in abandons_when, off_track_when or a contingency" },
        { "missing-format", 1, 1, "missing key 'format' in the journey map; expected format: 1" },
        { "missing-goal", 1, 1, "missing key 'goal' in the journey map; expected the goal in the customer's words" },
        { "missing-value-unit", 12, 12, "missing key 'unit' in value in milestone 'first-report'; expected what the amount counts, such as USD/month or report" },
        { "newer-format", 1, 9, "format: this map is written in format 2, which is newer than this Waymark reads; expected format: 1" },
        { "no-milestones", 7, 13, "milestones: expected at least one milestone; found an empty list" },
        { "not-a-mapping", 1, 1, "expected a mapping for the journey map; found a list" },
        { "not-yaml", 10, 18, "not valid YAML: cannot read past here: a { or [ may be left open, or a quote unclosed" },
        { "overdue-without-timetable", 12, 24, "milestone in when in contingency 1: milestone 'first-report' has no expected_within or expected_after, so it is never overdue; give it a timetable or use reached: true" },
        { "task-without-due", 15, 15, "missing key 'due_in' in task in do[1] in contingency 1; expected how long after the firing it is due, such as 2d" },
        { "touchpoint-without-delivery", 13, 5, "missing key 'delivered_when' in touchpoint 'kickoff'; expected the condition that shows it happened, such as { event: meeting_held }" },
        { "two-actions-in-one", 15, 9, "do[1] in contingency 1: expected exactly one action: task, tag, webhook or notify; found 2 actions in one item (write each as its own item)" },
        { "two-documents", 1, 1, "expected one YAML document (one map per file); found 2" },
        { "unknown-after", 14, 13, "after in milestone 'team-in': unknown milestone 'first-reprt'; expected one of: first-report, team-in" },
        { "unknown-comparison", 10, 53, "unknown key 'ge' in seats in where in when in milestone 'first-report'; expected one of: gt, gte, lt, lte, ne, exists" },
        { "unknown-key", 11, 5, "unknown key 'expected_withn' in milestone 'first-report'; expected one of: id, name, when, after, expected_within, expected_after, owner, value, optional" },
        { "unknown-supports", 16, 16, "supports in touchpoint 'kickoff': unknown milestone 'first-reprt'; expected one of: first-report" },
        { "unknown-trigger-milestone", 13, 24, "milestone in when in contingency 1: unknown milestone 'first-reprt'; expected one of: first-report" },
        { "within-without-count", 10, 43, "within in when in milestone 'first-report': needs a count of 2 or more, since the counted events must fit in the window; for a deadline from the journey's start, use expected_within" },
        { "wrong-format", 1, 9, "format: expected 1; found 'one'" },
        { "zero-duration", 11, 22, "expected_within in milestone 'first-report': expected a duration longer than zero; found '0d'" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void BrokenMap_GivesExactlyOnePreciseError(string name, int line, int column, string message)
    {
        var path = Path.Combine(Folder, name + ".yaml");
        var result = JourneyMapReader.ReadFile(path);
        Assert.Null(result.Map);
        var error = Assert.Single(result.Errors);
        Assert.Equal((path, line, column, message), (error.Location.Source, (int)error.Location.Line, (int)error.Location.Column, error.Message));
        Assert.Equal($"{path}:{line}:{column}: {message}", error.ToString());
    }

    [Fact]
    public void EveryBrokenFile_HasItsCase()
    {
        var files = Directory.GetFiles(Folder, "*.yaml").Select(Path.GetFileNameWithoutExtension).Order();
        var cases = Cases.Select(row => (string)row[0]).Order();
        Assert.Equal(files, cases);
    }

    private static string Folder => Path.Combine(AppContext.BaseDirectory, "Journeys", "Broken");
}
