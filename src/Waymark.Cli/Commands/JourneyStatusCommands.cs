using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Waymark.App;
using Waymark.App.Journeys;
using Waymark.Core.Errors;
using Waymark.Core.Journeys;
using Waymark.Core.Model;
using Waymark.Engine.Snapshot;

namespace Waymark.Cli.Commands;

/// <summary>
/// <c>waymark journeys list | status | instances</c>: the maps, and where every customer stands on
/// them, evaluated in batch over the stored events at a time (<c>--at</c>).
/// </summary>
internal static class JourneyStatusCommands
{
    private static readonly JourneyStatus[] Order =
        [JourneyStatus.OffTrack, JourneyStatus.Stalled, JourneyStatus.AtRisk, JourneyStatus.OnTrack, JourneyStatus.Completed, JourneyStatus.Abandoned];

    internal static Option<string[]> MapsOption() => new("--maps")
    {
        Description = "Map files or folders of maps",
        DefaultValueFactory = _ => ["journeys"],
        AllowMultipleArgumentsPerToken = true,
    };

    internal static Option<string> AtOption() => new("--at")
    {
        Description = "Evaluate at this UTC time (ISO 8601), 'now', or 'latest' (the newest stored event of the map's subjects)",
        DefaultValueFactory = _ => "now",
    };

    public static Command List(Output output)
    {
        var maps = MapsOption();
        var json = GlobalOptions.Json();
        var command = new Command("list", "List the journey maps: id, name, goal, kind, subject and milestones") { maps, json };
        command.SetAction(parse =>
        {
            if (!TryReadMaps(output, parse.GetValue(maps)!, out var loaded))
            {
                return ExitCodes.RecordsRejected;
            }

            if (parse.GetValue(json))
            {
                output.Json(new JourneyListJson([.. loaded.Select(MapJson.From)]), JourneyJsonContext.Default.JourneyListJson);
                return ExitCodes.Ok;
            }

            var table = new Table().Title($"{loaded.Count} journey maps").AddColumn("Id").AddColumn("Name").AddColumn("Goal (the customer's words)")
                .AddColumn("Kind").AddColumn("Subject").AddColumn(new TableColumn("Milestones").RightAligned());
            foreach (var map in loaded)
            {
                table.AddRow(Markup.Escape(map.Id), Markup.Escape(map.Name + (map.IsVendorMap ? " (vendor map)" : "")), Markup.Escape(map.Goal),
                    JourneyNames.Of(map.Kind) + (map.Lifecycle is { } l ? $" / {JourneyNames.Of(l)}" : ""), JourneyNames.Of(map.Subject),
                    map.Milestones.Count.ToString(CultureInfo.InvariantCulture));
            }

            output.Console.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command Status(Output output)
    {
        var ids = new Argument<string[]>("maps") { Description = "Map ids to show (default: every map)", Arity = ArgumentArity.ZeroOrMore };
        var maps = MapsOption();
        var at = AtOption();
        var json = GlobalOptions.Json();
        var command = new Command("status", "How many instances of each journey are in each status, and the value realized") { ids, maps, at, json };
        command.SetAction(parse => WithMaps(parse, output, maps, ids, (workspace, loaded) =>
        {
            var rows = StatusRows(workspace, loaded, parse.GetValue(at)!);
            if (parse.GetValue(json))
            {
                output.Json(new JourneyStatusListJson(workspace.Location, rows), JourneyJsonContext.Default.JourneyStatusListJson);
                return ExitCodes.Ok;
            }

            RenderStatus(output, rows);
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>Per map, its instances by status at <paramref name="at"/> and the value they realized.</summary>
    internal static List<JourneyStatusJson> StatusRows(Workspace workspace, IReadOnlyList<VersionedMap> loaded, string at) =>
        [.. loaded.Select(versioned =>
        {
            var map = versioned.Map;
            var when = At(workspace, map, at);
            var instances = workspace.JourneyInstances(map, when, versioned.Version);
            return new JourneyStatusJson(map.Id, versioned.Version, map.Name, when,
                instances.Count, [.. Order.Select(s => new StatusCountJson(JourneyNames.Of(s), instances.Count(i => i.Status == s)))],
                [.. instances.SelectMany(i => i.ValueRealized).GroupBy(v => (v.Dimension, v.Unit))
                    .Select(g => new ValueJson(JourneyNames.Of(g.Key.Dimension), g.Sum(v => v.Amount), g.Key.Unit))]);
        })];

    /// <summary>The status table, then each map's value realized.</summary>
    internal static void RenderStatus(Output output, IReadOnlyList<JourneyStatusJson> rows)
    {
        var times = rows.Select(r => r.At).Distinct().ToList();
        var table = new Table().Title("Journey instances by status" + (times.Count == 1 ? $" at {Timestamps.Format(times[0])}" : ""))
            .AddColumn("Journey");
        foreach (var status in Order)
        {
            table.AddColumn(new TableColumn(JourneyNames.Of(status)).RightAligned());
        }

        table.AddColumn(new TableColumn("Total").RightAligned());
        foreach (var row in rows)
        {
            table.AddRow([Markup.Escape(row.Id), .. row.Statuses.Select(s => Numbers.Count(s.Instances)), Numbers.Count(row.Instances)]);
        }

        output.Console.Write(table);
        foreach (var row in rows.Where(r => r.Value.Count > 0))
        {
            output.Console.WriteLine($"{row.Id}: value realized {string.Join("; ", row.Value.Select(v => $"{v.Amount.ToString("#,0.##", CultureInfo.InvariantCulture)} {v.Unit}"))}");
        }
    }

    /// <summary>
    /// Reads the maps in <paramref name="folder"/> for the demo: null (saying why on standard error) when
    /// the folder is missing or a map is invalid; else each with its version in force.
    /// </summary>
    internal static IReadOnlyList<VersionedMap>? DemoMaps(Output output, Workspace workspace, string folder)
    {
        if (!Directory.Exists(folder) || !TryReadMaps(output, [folder], out var maps, out var files))
        {
            return null;
        }

        return Versioned(workspace, maps, files);
    }

    /// <summary>Saves each map's file text as its version in force (a new version only when it changed).</summary>
    private static List<VersionedMap> Versioned(Workspace workspace, IEnumerable<JourneyMap> maps, IReadOnlyList<JourneyMapResult> files) =>
        [.. maps.Select(map => new VersionedMap(map, workspace.SaveMapVersion(map.Id, File.ReadAllText(files.First(f => f.Map == map).Source)).Version.Version))];

    public static Command Instances(Output output)
    {
        var id = new Argument<string>("map") { Description = "The map's id" };
        var maps = MapsOption();
        var at = AtOption();
        var status = new Option<string?>("--status") { Description = "Only instances in this status: " + string.Join(", ", JourneyNames.Statuses) };
        var subject = new Option<string?>("--subject") { Description = "Only this account or person" };
        var top = new Option<int>("--top") { Description = "How many instances to list", DefaultValueFactory = _ => 20 };
        var json = GlobalOptions.Json();
        var command = new Command("instances", "Each customer on a journey: status with its reason, milestones reached, contingencies fired")
            { id, maps, at, status, subject, top, json };
        command.SetAction(parse => WithMaps(parse, output, maps, null, (workspace, loaded) =>
        {
            var wanted = parse.GetValue(id)!;
            var versioned = loaded.FirstOrDefault(m => m.Map.Id == wanted)
                ?? throw new ArgumentException($"no journey map '{wanted}'; the maps are: {string.Join(", ", loaded.Select(m => m.Map.Id))}");
            var map = versioned.Map;
            var only = parse.GetValue(status) is { } text
                ? JourneyNames.TryParseStatus(text, out var s) ? s : throw new ArgumentException($"--status: expected one of: {string.Join(", ", JourneyNames.Statuses)}; found '{text}'")
                : (JourneyStatus?)null;
            var when = At(workspace, map, parse.GetValue(at)!);
            var instances = workspace.JourneyInstances(map, when, versioned.Version)
                .Where(i => only is null || i.Status == only)
                .Where(i => parse.GetValue(subject) is not { } who || i.Subject == who)
                .OrderBy(i => Array.IndexOf(Order, i.Status)).ThenByDescending(i => i.StatusSince).ThenBy(i => i.Subject, StringComparer.Ordinal)
                .Take(parse.GetValue(top)).ToList();
            if (parse.GetValue(json))
            {
                output.Json(new JourneyInstancesJson(workspace.Location, map.Id, when, instances), JourneyJsonContext.Default.JourneyInstancesJson);
                return ExitCodes.Ok;
            }

            var table = new Table().Title($"{Markup.Escape(map.Name)} — \"{Markup.Escape(map.Goal)}\" at {Timestamps.Format(when)}")
                .AddColumn(JourneyNames.Of(map.Subject)).AddColumn(new TableColumn("#").RightAligned()).AddColumn("Started").AddColumn("Status")
                .AddColumn("Milestones").AddColumn("Why").AddColumn("Fired");
            foreach (var i in instances)
            {
                table.AddRow(Markup.Escape(i.Subject), i.Number.ToString(CultureInfo.InvariantCulture), i.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    JourneyNames.Of(i.Status), $"{i.Milestones.Count(m => m.ReachedAt is not null)}/{i.Milestones.Count}", Markup.Escape(i.Reason),
                    Markup.Escape(string.Join(", ", i.Firings.Select(f => f.ContingencyId))));
            }

            output.Console.Write(table);
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>
    /// Reads the maps, keeps those named by <paramref name="ids"/>, opens the workspace, saves each map's
    /// text as its version in force (a new version only when the text changed) and runs the action.
    /// </summary>
    internal static int WithMaps(ParseResult parse, Output output, Option<string[]> maps, Argument<string[]>? ids, Func<Workspace, IReadOnlyList<VersionedMap>, int> action)
    {
        if (!TryReadMaps(output, parse.GetValue(maps)!, out var loaded, out var files))
        {
            return ExitCodes.RecordsRejected;
        }

        if (ids is not null && parse.GetValue(ids) is { Length: > 0 } only)
        {
            var unknown = only.Where(id => loaded.All(m => m.Id != id)).ToList();
            if (unknown.Count > 0)
            {
                output.Fail($"no journey map {string.Join(", ", unknown.Select(u => $"'{u}'"))}; the maps are: {string.Join(", ", loaded.Select(m => m.Id))}");
                return ExitCodes.Usage;
            }

            loaded = [.. loaded.Where(m => only.Contains(m.Id))];
        }

        return WorkspaceRunner.Run(parse, output, workspace => action(workspace, Versioned(workspace, loaded, files)));
    }

    /// <summary>Reads the maps; prints every error and returns false when any file is invalid or two maps share an id.</summary>
    private static bool TryReadMaps(Output output, string[] paths, out IReadOnlyList<JourneyMap> maps) =>
        TryReadMaps(output, paths, out maps, out _);

    private static bool TryReadMaps(Output output, string[] paths, out IReadOnlyList<JourneyMap> maps, out IReadOnlyList<JourneyMapResult> files)
    {
        var results = JourneyMapFiles.Read(paths);
        files = results;
        foreach (var error in results.SelectMany(r => r.Errors))
        {
            output.Error.WriteLine(error.ToString());
        }

        maps = [.. results.Where(r => r.IsValid).Select(r => r.Map!)];
        var duplicates = JourneyMapFiles.DuplicateIds(results);
        foreach (var duplicate in duplicates)
        {
            output.Error.WriteLine(duplicate);
        }

        if (results.Count == 0)
        {
            output.Fail($"no journey maps in {string.Join(", ", paths)}; give map files or folders with --maps");
            return false;
        }

        return results.All(r => r.IsValid) && duplicates.Count == 0;
    }

    internal static DateTime At(Workspace workspace, JourneyMap map, string text) => text switch
    {
        "now" => workspace.Now,
        "latest" => workspace.LatestEventTime(map.Subject == JourneySubject.Account ? SubjectKind.Account : SubjectKind.Person) ?? workspace.Now,
        _ => Timestamps.TryParse(text, out var time) ? time : throw new SyntaxException(text, 0, "a UTC time for --at such as 2026-01-31 or 2026-01-31T12:00:00Z, 'now' or 'latest'"),
    };
}

/// <summary>A map with the version of it in force in the store.</summary>
internal sealed record VersionedMap(JourneyMap Map, int Version);
