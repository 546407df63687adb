using Waymark.Core.Conditions;
using Waymark.Engine.Execution;
using Waymark.Engine.Kernels.Durations;
using Waymark.Engine.Kernels.Frequency;
using Waymark.Engine.Kernels.Funnels;
using Waymark.Engine.Kernels.Paths;
using Waymark.Engine.Kernels.Periods;
using Waymark.Engine.Kernels.Retention;
using Waymark.Engine.Kernels.Sequences;
using Waymark.Engine.Kernels.Variants;
using Waymark.Twins.ClickHouse;
using Waymark.Twins.DuckDb;
using static Waymark.Bench.Engine.Digests;

namespace Waymark.Bench.Engine;

/// <summary>Every engine benchmark case, by name: the issue's kernels on the simulated company, by person, whole history.</summary>
internal static class EngineCases
{
    private static readonly QueryScope All = QueryScope.Everything;

    private static readonly FunnelQuery Funnel4 = FunnelQuery.Of(TimeSpan.FromDays(30), "session_started", "report_created", "report_viewed", "report_scheduled");

    private static readonly DirectlyFollowsQuery Dfg = new(All) { WithTimes = false };

    private static readonly DirectlyFollowsQuery DfgTimes = new(All) { WithTimes = true };

    private static readonly VariantsQuery Variants = new(All) { Top = 20 };

    private static readonly PathsQuery PathsFrom = new(All) { Start = EventCondition.Named("trial_started"), Depth = 5 };

    private static readonly DurationQuery TrialToContract = new(All, EventCondition.Named("trial_started"), EventCondition.Named("contract_signed"));

    private static readonly RetentionQuery WeeklyRetention = new(EventCondition.Named("session_started"), EventCondition.Named("report_viewed"), PeriodUnit.Week, 8);

    private static readonly FrequencyQuery WeeklyFrequency = new(EventCondition.Named("feature_used"), PeriodUnit.Week, 10);

    private static readonly RepeatQuery Repeats = new(EventCondition.Named("report_viewed"));

    private static readonly SequenceQuery Sequence3 = new(
        [EventCondition.Named("demo_requested"), EventCondition.Named("demo_held"), EventCondition.Named("contract_signed")], "(?1).*(?2).*(?3)");

    public static IReadOnlyList<EngineCase> Cases { get; } =
    [
        new("name-counts", NameCounts.Engine, NameCounts.DuckDb, NameCounts.ClickHouse),
        new("funnel-4", log => Funnel(Waymark.Engine.Kernels.Funnels.Funnel.Run(log, Funnel4, All)),
            db => string.Join(",", DuckDbFunnel.ReachedAsof(db, Funnel4, All)),
            ch => string.Join(",", ClickHouseFunnel.Reached(ch, Funnel4, All))),
        new("dfg", log => Graph(DirectlyFollows.Run(log, Dfg)), db => Graph(DirectlyFollowsSql.Run(db, Dfg)), ch => Graph(PathsClickHouse.DirectlyFollows(ch, Dfg))),
        new("dfg-times", log => Graph(DirectlyFollows.Run(log, DfgTimes)), db => Graph(DirectlyFollowsSql.Run(db, DfgTimes)), ch => Graph(PathsClickHouse.DirectlyFollows(ch, DfgTimes))),
        new("variants", log => VariantDigest(TraceVariants.Run(log, Variants)), db => VariantDigest(VariantsSql.Run(db, Variants)), ch => VariantDigest(PathsClickHouse.Variants(ch, Variants))),
        new("paths", log => Flow(PathFlows.Run(log, PathsFrom)), db => Flow(PathsSql.Run(db, PathsFrom)), null),
        new("durations", log => Duration(TimeBetween.Run(log, TrialToContract)), db => Duration(DurationsSql.Run(db, TrialToContract)), null),
        new("retention", log => Retention(RetentionKernel.Run(log, WeeklyRetention, All)),
            db => Retention(RetentionSql.Run(db, WeeklyRetention, All.Range)),
            ch => Retention(RetentionClickHouse.Run(ch, WeeklyRetention, All.Range))),
        new("frequency", log => Frequency(FrequencyKernel.Run(log, WeeklyFrequency, All)), db => Frequency(FrequencySql.Run(db, WeeklyFrequency, All.Range)), null),
        new("repeats", log => Repeat(RepeatKernel.Run(log, Repeats, All)), db => Repeat(FrequencySql.Repeats(db, Repeats, All.Range)), null),
        new("sequence", log => SequenceDigest(SequenceKernel.Run(log, Sequence3, All)),
            db => SequenceDigest(SequenceSql.Run(db, Sequence3, All.Range)),
            ch => SequenceDigest(SequenceClickHouse.Run(ch, Sequence3, All.Range))),
    ];

    public static EngineCase Find(string name) =>
        Cases.FirstOrDefault(c => c.Name == name) ?? throw new ArgumentException($"unknown engine case {name}; known: {string.Join(", ", Cases.Select(c => c.Name))}");
}
