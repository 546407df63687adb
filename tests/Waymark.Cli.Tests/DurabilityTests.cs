using System.Globalization;
using System.Text;
using System.Text.Json;
using Waymark.Tests;

namespace Waymark.Cli.Tests;

public sealed class DurabilityTests
{
    private const int EventCount = 1_500_000;

    [Fact]
    public void ImportKilledWithSigkill_ThenRunAgain_EndsWithExactlyTheFilesEvents()
    {
        using var folder = new TempFolder();
        var file = folder.File("events.jsonl");
        WriteEvents(file, EventCount);

        using (var first = WaymarkProcess.Start("import", file, "--db", folder.Database, "--batch-size", "20000"))
        {
            // Progress lines come every 2 s with the messages appended so far; a bulk import commits
            // whole row groups (122,880 events), so wait until at least two have gone by, then kill
            // in the middle. (Waiting for the first line alone failed on a loaded machine: nothing
            // was committed yet.)
            var deadline = DateTime.UtcNow.AddMinutes(2);
            while (MessagesReported(first.Stderr) < 300_000 && !first.HasExited && DateTime.UtcNow < deadline)
            {
                Thread.Sleep(50);
            }

            Assert.False(first.HasExited, $"the import finished before it could be killed; make the file bigger. stderr: {first.Stderr}");
            first.KillHard();
        }

        var afterKill = Events(folder.Database);
        Assert.InRange(afterKill, 1, EventCount - 1);

        var (code, _, err) = WaymarkProcess.Run("import", file, "--db", folder.Database);
        Assert.True(code == ExitCodes.Ok, err);
        Assert.Equal(EventCount, Events(folder.Database));
        Assert.Equal(EventCount, DistinctMessageIds(folder.Database));
    }

    [Fact]
    public void DatabaseInUseByAnotherProcess_IsAClearError_NotAHang()
    {
        using var folder = new TempFolder();
        var file = folder.File("events.jsonl");
        WriteEvents(file, 600_000);

        using var importing = WaymarkProcess.Start("import", file, "--db", folder.Database);
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (!File.Exists(folder.Database) && !importing.HasExited && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(20);
        }

        var (code, _, err) = CliRunner.Run("stats", "--db", folder.Database);
        var stillRunning = !importing.HasExited;
        importing.WaitForExit(TimeSpan.FromMinutes(2));

        Assert.True(stillRunning, "the import ended before the second open; make the file bigger");
        Assert.Equal(ExitCodes.DatabaseUnavailable, code);
        Assert.Contains(folder.Database, err, StringComparison.Ordinal);
        Assert.Contains("lock", err, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(ExitCodes.Ok, importing.ExitCode);
    }

    private static long MessagesReported(string stderr)
    {
        var found = System.Text.RegularExpressions.Regex.Matches(stderr, @"Importing .* ([\d,]+) messages");
        return found.Count == 0 ? 0 : long.Parse(found[^1].Groups[1].Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
    }

    private static long Events(string database)
    {
        var (code, output, err) = WaymarkProcess.Run("stats", "--json", "--db", database);
        Assert.True(code == ExitCodes.Ok, err);
        using var json = JsonDocument.Parse(output);
        return json.RootElement.GetProperty("events").GetInt64();
    }

    private static long DistinctMessageIds(string database)
    {
        using var store = Waymark.Storage.DuckDb.DuckDbEventStore.Open(database);
        return long.Parse(store.QueryColumn("SELECT count(DISTINCT message_id) FROM events")[0]!, CultureInfo.InvariantCulture);
    }

    private static void WriteEvents(string path, int count)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 20);
        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < count; i++)
        {
            writer.Write(string.Create(CultureInfo.InvariantCulture,
                $$$"""{"type":"track","messageId":"m-{{{i}}}","timestamp":"{{{start.AddSeconds(i):yyyy-MM-ddTHH:mm:ss.fffZ}}}","userId":"u-{{{i % 5000}}}","event":"e{{{i % 20}}}","properties":{"i":{{{i}}}}}"""));
            writer.Write('\n');
        }
    }
}
