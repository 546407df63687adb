using Waymark.Tests;

namespace Waymark.Cli.Tests.Analysis;

/// <summary>
/// A small store for the analysis commands, imported through the real import command, whose
/// answers are worked out by hand in each test. Weeks start on Monday; 2026-01-05 is a Monday.
///   p1: signed Mon 01-05, viewed Tue 01-06, viewed Tue 01-13 (plan=pro on both views)
///   p2: signed Wed 01-07, viewed Tue 01-20
///   p3: signed Wed 01-14
/// </summary>
public sealed class AnalysisFixture : IDisposable
{
    private readonly TempFolder _folder = new();

    public AnalysisFixture()
    {
        var file = _folder.File("events.jsonl");
        File.WriteAllLines(file,
        [
            Track("m1", "p1", "signed", "2026-01-05T10:00:00Z"),
            Track("m2", "p1", "viewed", "2026-01-06T10:00:00Z", """{"plan":"pro"}"""),
            Track("m3", "p1", "viewed", "2026-01-13T10:00:00Z", """{"plan":"pro"}"""),
            Track("m4", "p2", "signed", "2026-01-07T10:00:00Z"),
            Track("m5", "p2", "viewed", "2026-01-20T10:00:00Z"),
            Track("m6", "p3", "signed", "2026-01-14T10:00:00Z"),
        ]);
        var (code, _, err) = CliRunner.Run("import", file, "--db", Database);
        Assert.True(code == ExitCodes.Ok, err);
    }

    public string Database => _folder.Database;

    public void Dispose() => _folder.Dispose();

    private static string Track(string id, string person, string name, string time, string properties = "{}") =>
        $$"""{"type":"track","messageId":"{{id}}","userId":"{{person}}","event":"{{name}}","timestamp":"{{time}}","properties":{{properties}}}""";
}
