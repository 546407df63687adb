using System.Text;

namespace Waymark.Formats.Tests.Xes;

/// <summary>Small XES logs written by hand for one behaviour each.</summary>
internal static class XesSyntheticLogs
{
    public const string Namespace = " xmlns=\"http://www.xes-standard.org/\"";

    /// <summary>One trace with one event carrying every XES attribute type.</summary>
    public static string EveryType(bool withNamespace) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <log xes.version="2.0"{(withNamespace ? Namespace : "")}>
          <extension name="Concept" prefix="concept" uri="http://www.xes-standard.org/concept.xesext"/>
          <global scope="trace">
            <string key="region" value="UNKNOWN"/>
          </global>
          <global scope="event">
            <string key="lifecycle:transition" value="complete"/>
          </global>
          <classifier name="Activity classifier" keys="concept:name lifecycle:transition"/>
          <string key="meta" value="log level"><float key="nested" value="1.5"/></string>
          <trace>
            <string key="concept:name" value="case-1"/>
            <string key="channel" value="Web"/>
            <int key="priority" value="3"/>
            <event>
              <string key="concept:name" value="signup"/>
              <date key="time:timestamp" value="2024-03-01T10:00:00.123+02:00"/>
              <string key="org:resource" value="Ann"/>
              <id key="ticket" value="a1b2"/>
              <int key="seats" value="-12"/>
              <float key="amount" value="12.5"/>
              <boolean key="trial" value="true"/>
              <date key="renewal" value="2025-03-01T00:00:00Z"/>
              <list key="tags"><values><string key="tag" value="a"/><int key="n" value="2"/></values></list>
              <string key="plan" value="pro"><int key="seats" value="5"/><string key="tier" value="gold"><boolean key="legacy" value="false"/></string></string>
              <container key="address"><string key="city" value="Oslo"/></container>
            </event>
            <event>
              <string key="concept:name" value="upgrade"/>
              <string key="lifecycle:transition" value="start"/>
              <date key="time:timestamp" value="2024-03-02T08:30:00Z"/>
            </event>
          </trace>
          <trace>
            <string key="channel" value="Desk"/>
            <event>
              <string key="concept:name" value="call"/>
              <date key="time:timestamp" value="2024-02-01T00:00:00Z"/>
            </event>
          </trace>
        </log>
        """;

    /// <summary>
    /// A log of <paramref name="traces"/> traces of three events each; <paramref name="replace"/>
    /// replaces the event at (trace, event), both 1-based, with its own text.
    /// </summary>
    public static string Log(int traces, (int Trace, int Event, string Xml)? replace = null, string extraHeader = "")
    {
        var text = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<log>\n").Append(extraHeader);
        for (var t = 1; t <= traces; t++)
        {
            text.Append("  <trace>\n    <string key=\"concept:name\" value=\"c").Append(t).Append("\"/>\n");
            for (var e = 1; e <= 3; e++)
            {
                text.Append(replace is { } r && r.Trace == t && r.Event == e ? r.Xml : Event($"step{e}", $"2024-01-{e:00}T0{e}:00:00Z"));
            }

            text.Append("  </trace>\n");
        }

        return text.Append("</log>\n").ToString();
    }

    public static string Event(string name, string time, string extra = "") =>
        $"    <event>\n      <string key=\"concept:name\" value=\"{name}\"/>\n      <date key=\"time:timestamp\" value=\"{time}\"/>\n{extra}    </event>\n";

    /// <summary>The 1-based line of the first occurrence of <paramref name="snippet"/> and the column just after its first character.</summary>
    public static (long Line, long Column) After(string text, string snippet, int from = 0)
    {
        var at = text.IndexOf(snippet, from, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{snippet}' is not in the text");
        var lineStart = text.LastIndexOf('\n', Math.Max(at - 1, 0)) + 1;
        var line = text.AsSpan(0, at).Count('\n') + 1;
        return (line, at - lineStart + 2);
    }
}
