using Waymark.Core.Model;

namespace Waymark.Formats.Xes;

/// <summary>The one trace being read: its index, case id and attributes. Reused from trace to trace.</summary>
internal sealed class XesTrace
{
    private readonly List<(string Key, string CaseKey, XesValue Value)> _attributes = [];

    /// <summary>The trace's 1-based position among the log's traces.</summary>
    public int Index { get; private set; }

    /// <summary>The 1-based position of the last event started in this trace.</summary>
    public int EventIndex { get; set; }

    /// <summary>The case id: the trace's <c>concept:name</c>, else <c>trace-</c> and <see cref="Index"/>.</summary>
    public string CaseId { get; private set; } = "";

    /// <summary>The earliest time of the trace's accepted events, if any.</summary>
    public DateTime? Earliest { get; private set; }

    /// <summary>The element path of the trace, such as <c>/log/trace[3]</c>.</summary>
    public string Path => $"/log/trace[{Index}]";

    /// <summary>The element path of the current event, such as <c>/log/trace[3]/event[7]</c>.</summary>
    public string EventPath => $"/log/trace[{Index}]/event[{EventIndex}]";

    /// <summary>Starts the next trace.</summary>
    public void Begin()
    {
        Index++;
        EventIndex = 0;
        CaseId = $"trace-{Index}";
        Earliest = null;
        _attributes.Clear();
    }

    /// <summary>Keeps a trace attribute; <c>concept:name</c> becomes the case id instead.</summary>
    public void Add(string key, XesValue value)
    {
        if (key == "concept:name")
        {
            CaseId = value.ClassifierText;
            return;
        }

        _attributes.Add((key, "case:" + key, value));
    }

    /// <summary>Notes the time of an accepted event.</summary>
    public void Saw(DateTime time)
    {
        if (Earliest is null || time < Earliest)
        {
            Earliest = time;
        }
    }

    /// <summary>Adds the trace attributes to an event's properties, each key prefixed with <c>case:</c>.</summary>
    public void AddCaseProperties(PropertiesBuilder builder)
    {
        foreach (var (_, caseKey, value) in _attributes)
        {
            value.AddTo(builder, caseKey);
        }
    }

    /// <summary>The trace attributes as a person's traits, keys as in the file.</summary>
    public Properties Traits(PropertiesBuilder builder)
    {
        foreach (var (key, _, value) in _attributes)
        {
            value.AddTo(builder, key);
        }

        return builder.Build();
    }
}
