using System.CommandLine;
using Spectre.Console;
using Waymark.Core.Model;

namespace Waymark.Cli.Commands;

/// <summary>
/// <c>waymark journeys tags | notifications</c>: what contingencies left for people to see — tags
/// on accounts and people, notifications to departments — newest first.
/// </summary>
internal static class JourneySignalsCommands
{
    public static Command Tags(Output output)
    {
        var subject = new Option<string?>("--subject") { Description = "Only this account's or person's tags" };
        var json = GlobalOptions.Json();
        var command = new Command("tags", "Tags contingencies put on accounts and people") { subject, json };
        command.SetAction(parse => WorkspaceRunner.Run(parse, output, workspace =>
        {
            var tags = workspace.Tags(parse.GetValue(subject)).OrderByDescending(t => t.TaggedAt).ThenBy(t => t.Subject, StringComparer.Ordinal).ToList();
            if (parse.GetValue(json))
            {
                output.Json(new TagsJson([.. tags.Select(t => new TagJson(t.SubjectKind, t.Subject, t.Tag, t.MapId, t.ContingencyId, t.TaggedAt))]), JourneyJsonContext.Default.TagsJson);
                return ExitCodes.Ok;
            }

            var table = new Table().Title($"{Numbers.Count(tags.Count)} tags").AddColumn("Subject").AddColumn("Tag").AddColumn("Journey").AddColumn("Contingency").AddColumn("Since");
            foreach (var t in tags)
            {
                table.AddRow(Markup.Escape($"{t.Subject} ({t.SubjectKind})"), Markup.Escape(t.Tag), Markup.Escape(t.MapId), Markup.Escape(t.ContingencyId), Timestamps.Format(t.TaggedAt));
            }

            output.Console.Write(table);
            return ExitCodes.Ok;
        }));
        return command;
    }

    public static Command Notifications(Output output)
    {
        var to = new Option<string?>("--to") { Description = "Only notifications to this department (customer-success, support, sales…)" };
        var json = GlobalOptions.Json();
        var command = new Command("notifications", "Notifications contingencies sent to departments") { to, json };
        command.SetAction(parse => WorkspaceRunner.Run(parse, output, workspace =>
        {
            var notes = workspace.Notifications(parse.GetValue(to)).OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).ToList();
            if (parse.GetValue(json))
            {
                output.Json(new NotificationsJson([.. notes.Select(n => new NotificationJson(n.Id, n.Department, n.Message, n.MapId, n.Subject, n.CreatedAt))]), JourneyJsonContext.Default.NotificationsJson);
                return ExitCodes.Ok;
            }

            var table = new Table().Title($"{Numbers.Count(notes.Count)} notifications").AddColumn("To").AddColumn("Message").AddColumn("Journey").AddColumn("Subject").AddColumn("When");
            foreach (var n in notes)
            {
                table.AddRow(Markup.Escape(n.Department), Markup.Escape(n.Message), Markup.Escape(n.MapId), Markup.Escape(n.Subject), Timestamps.Format(n.CreatedAt));
            }

            output.Console.Write(table);
            return ExitCodes.Ok;
        }));
        return command;
    }
}
