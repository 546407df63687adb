using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Waymark.Core.Model;
using Waymark.Storage.DuckDb.Journeys;

namespace Waymark.Cli.Commands;

/// <summary>
/// <c>waymark journeys tasks</c>: the tasks contingencies created, open ones by default, by due
/// time; <c>waymark journeys tasks done ID</c> marks one done.
/// </summary>
internal static class JourneyTasksCommand
{
    private static readonly string[] Statuses = ["open", "done", "all"];

    public static Command Create(Output output)
    {
        var status = new Option<string>("--status") { Description = "Which tasks: open, done or all", DefaultValueFactory = _ => "open" };
        status.AcceptOnlyFromAmong(Statuses);
        var owner = new Option<string?>("--owner") { Description = "Only this owner's tasks (customer-success, customer:champion, vendor…)" };
        var map = new Option<string?>("--map") { Description = "Only tasks of this journey map (its id)" };
        var json = GlobalOptions.Json();
        var command = new Command("tasks", "Tasks that journey contingencies created, by due time") { status, owner, map, json, Done(output) };
        command.SetAction(parse => WorkspaceRunner.Run(parse, output, workspace =>
        {
            var filter = new TaskFilter(StatusOf(parse.GetValue(status)!), parse.GetValue(owner), parse.GetValue(map));
            var tasks = workspace.Tasks(filter);
            if (parse.GetValue(json))
            {
                output.Json(new TasksJson([.. tasks.Select(TaskJson.From)]), JourneyTasksJsonContext.Default.TasksJson);
            }
            else
            {
                Render(output.Console, tasks);
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Done(Output output)
    {
        var id = new Argument<long>("id") { Description = "The task's id, as `waymark journeys tasks` lists it" };
        var command = new Command("done", "Mark a task done") { id };
        command.SetAction(parse => WorkspaceRunner.Run(parse, output, workspace =>
        {
            var task = parse.GetValue(id);
            switch (workspace.CompleteTask(task))
            {
                case TaskCompletion.Done:
                    output.Console.Profile.Out.Writer.WriteLine($"task {task} done");
                    return ExitCodes.Ok;
                case TaskCompletion.AlreadyDone:
                    output.Console.Profile.Out.Writer.WriteLine($"task {task} was already done");
                    return ExitCodes.Ok;
                default:
                    output.Fail($"no task {task}; `waymark journeys tasks --status all` lists them");
                    return ExitCodes.Usage;
            }
        }));
        return command;
    }

    private static JourneyTaskStatus? StatusOf(string word) => word switch
    {
        "open" => JourneyTaskStatus.Open,
        "done" => JourneyTaskStatus.Done,
        _ => null,
    };

    private static void Render(IAnsiConsole console, IReadOnlyList<JourneyTask> tasks)
    {
        if (tasks.Count == 0)
        {
            console.Profile.Out.Writer.WriteLine("no tasks");
            return;
        }

        var table = new Table().AddColumn(new TableColumn("Id").RightAligned()).AddColumn("Due").AddColumn("Owner").AddColumn("Title")
            .AddColumn("Journey").AddColumn("Subject").AddColumn("Status");
        foreach (var t in tasks)
        {
            table.AddRow(t.Id.ToString(CultureInfo.InvariantCulture), Timestamps.Format(t.DueAt), Markup.Escape(t.Owner), Markup.Escape(t.Title),
                Markup.Escape($"{t.MapId} #{t.InstanceNumber}"), Markup.Escape(t.Subject), t.Status == JourneyTaskStatus.Open ? "open" : "done");
        }

        console.Write(table);
    }
}

/// <summary>The JSON shape of <c>waymark journeys tasks --json</c>. A contract for scripts.</summary>
internal sealed record TasksJson(IReadOnlyList<TaskJson> Tasks);

/// <summary>One task; times in ISO 8601 UTC, <c>status</c> <c>open</c> or <c>done</c>.</summary>
internal sealed record TaskJson(long Id, string Map, string Subject, int Instance, string Contingency, string Title, string Owner, string? Note,
    string CreatedAt, string DueAt, string Status, string? DoneAt)
{
    public static TaskJson From(JourneyTask t) => new(t.Id, t.MapId, t.Subject, t.InstanceNumber, t.ContingencyId, t.Title, t.Owner, t.Note,
        Timestamps.Format(t.CreatedAt), Timestamps.Format(t.DueAt), t.Status == JourneyTaskStatus.Open ? "open" : "done",
        t.DoneAt is { } done ? Timestamps.Format(done) : null);
}
