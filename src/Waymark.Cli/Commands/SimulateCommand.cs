using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Waymark.App;
using Waymark.App.Simulate;
using Waymark.Simulation;

namespace Waymark.Cli.Commands;

/// <summary><c>waymark simulate</c>: a B2B SaaS company, deterministic by seed, into the store or a file.</summary>
internal static class SimulateCommand
{
    public static Command Create(Output output)
    {
        var options = new SimulateOptions();
        var command = new Command("simulate", "Simulate a B2B SaaS company: accounts, people, their journeys and events");
        options.AddTo(command);
        command.SetAction((parse, cancel) => Task.FromResult(WorkspaceRunner.Run(parse, output, workspace =>
        {
            var report = Run(output, workspace, options.Read(parse), parse.GetValue(options.Out), parse.GetValue(options.GroundTruth), cancel);
            Render(output, report, parse.GetValue(options.Json));
            return ExitCodes.Ok;
        })));
        return command;
    }

    internal static SimulateReport Run(Output output, Workspace workspace, SimulationOptions simulation, string? outPath, string? truthPath,
        CancellationToken cancel)
    {
        var expected = simulation.TargetEvents;
        return ProgressReporter.Run(output, "Simulating", update => workspace.Simulate(
            simulation with
            {
                Progress = new InlineProgress<long>(events => update(events, expected,
                    string.Create(CultureInfo.InvariantCulture, $"{events:N0} events"))),
            },
            outPath, truthPath, cancel));
    }

    internal static void Render(Output output, SimulateReport report, bool asJson)
    {
        var summary = report.Summary;
        if (asJson)
        {
            output.Json(new SimulateJson(report.Destination, summary.Accounts, summary.People, summary.Events, summary.ProfileMessages,
                report.Stored?.Accepted, report.Stored?.Duplicates, report.GroundTruthPath, report.Elapsed.TotalSeconds), CliJsonContext.Default.SimulateJson);
            return;
        }

        var seconds = Math.Max(report.Elapsed.TotalSeconds, 1e-9);
        output.Console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"Simulated {summary.Accounts:N0} accounts, {summary.People:N0} people, {summary.Events:N0} events into {report.Destination} in {report.Elapsed.TotalSeconds:F1} s ({summary.Events / seconds:N0} events/s)")));
        if (report.Stored is { } stored)
        {
            output.Console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                $"Stored {stored.Accepted:N0} new messages; {stored.Duplicates:N0} were already there")));
        }

        if (report.GroundTruthPath is not null)
        {
            output.Console.MarkupLine($"Ground truth: {Markup.Escape(report.GroundTruthPath)}");
        }
    }
}

/// <summary>The options of <c>simulate</c>, shared with <c>demo</c>.</summary>
internal sealed class SimulateOptions
{
    public Option<ulong> Seed { get; } = new("--seed") { Description = "Random seed: the same seed gives the same company", DefaultValueFactory = _ => 1 };

    public Option<int?> Accounts { get; } = new("--accounts") { Description = "How many accounts [default: 50, or as many as --events needs]" };

    public Option<long?> Events { get; } = new("--events") { Description = "About how many events to produce (picks the number of accounts)" };

    public Option<DateTime?> Start { get; } = new("--start") { Description = "First day simulated, UTC [default: 2025-01-01]" };

    public Option<int> Days { get; } = new("--days") { Description = "Days simulated", DefaultValueFactory = _ => 365 };

    public Option<string?> Out { get; } = new("--out") { Description = "Write to a file (.jsonl, .csv, .parquet) instead of the store" };

    public Option<string?> GroundTruth { get; } = new("--ground-truth") { Description = "Write the hidden drivers and outcomes per account to this JSON file" };

    public Option<bool> Json { get; } = GlobalOptions.Json();

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Seed, Accounts, Events, Start, Days, Out, GroundTruth, Json })
        {
            command.Options.Add(option);
        }

        // Only values the user gave are checked: defaults are valid by construction.
        command.Validators.Add(result =>
        {
            Check(result, Accounts, v => v is >= 1 and <= 10_000_000, "--accounts must be between 1 and 10,000,000");
            Check(result, Events, v => v is >= 1, "--events must be at least 1");
            Check(result, Days, v => v is >= 1 and <= 3650, "--days must be between 1 and 3650");
        });
    }

    private static void Check<T>(System.CommandLine.Parsing.CommandResult result, Option<T> option, Func<T?, bool> valid, string error)
    {
        if (result.GetResult(option) is { Implicit: false } && !valid(result.GetValue(option)))
        {
            result.AddError(error);
        }
    }

    public SimulationOptions Read(ParseResult parse) => new()
    {
        Seed = parse.GetValue(Seed),
        Accounts = parse.GetValue(Accounts),
        TargetEvents = parse.GetValue(Events),
        Start = parse.GetValue(Start) is { } start ? DateTime.SpecifyKind(start.Date, DateTimeKind.Utc) : new SimulationOptions().Start,
        Duration = TimeSpan.FromDays(parse.GetValue(Days)),
    };
}

/// <summary>The JSON shape of <c>waymark simulate --json</c>. A contract for scripts.</summary>
internal sealed record SimulateJson(string Destination, int Accounts, long People, long Events, long ProfileMessages,
    long? Accepted, long? Duplicates, string? GroundTruth, double Seconds);
