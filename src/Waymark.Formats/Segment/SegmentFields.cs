using Waymark.Core.Model;

namespace Waymark.Formats.Segment;

/// <summary>The Segment message kinds, by their <c>type</c> value.</summary>
internal enum SegmentKind : byte { None, Track, Identify, Group, Page, Screen, Alias }

/// <summary>What one line said, gathered while walking it once; reset per line.</summary>
internal sealed class SegmentFields
{
    public SegmentKind Kind;
    public string? MessageId;
    public string? UserId;
    public string? AnonymousId;
    public string? EventName;
    public string? GroupId;
    public string? PreviousId;
    public string? PageName;
    public string? PageCategory;
    public DateTime? Timestamp;
    public DateTime? OriginalTimestamp;
    public DateTime? SentAt;
    public DateTime? ReceivedAt;
    public string? Properties;
    public double? PropertiesValue;
    public string? Traits;
    public string? ContextGroupId;
    public string? ContextChannel;
    public string? ContextSource;
    public Actor? ContextActor;
    public string? Channel;
    public string? Source;
    public Actor? Actor;
    public double? Value;
    public bool ValueGiven;
    public double? Sentiment;
    public List<string>? Roles;

    public DateTime? Time => Timestamp ?? OriginalTimestamp ?? SentAt ?? ReceivedAt;

    public void Reset()
    {
        Kind = SegmentKind.None;
        MessageId = UserId = AnonymousId = EventName = GroupId = PreviousId = PageName = PageCategory = null;
        Timestamp = OriginalTimestamp = SentAt = ReceivedAt = null;
        Properties = Traits = null;
        PropertiesValue = null;
        ContextGroupId = ContextChannel = ContextSource = Channel = Source = null;
        ContextActor = Actor = null;
        Value = Sentiment = null;
        ValueGiven = false;
        Roles = null;
    }
}
