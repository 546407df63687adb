namespace Waymark.Storage.DuckDb.Journeys;

/// <summary>
/// A tag on an account or a person. A subject holds a tag once: the first contingency that put it
/// there is kept, and later firings that add the same tag change nothing.
/// </summary>
/// <param name="SubjectKind"><c>account</c> or <c>person</c>.</param>
/// <param name="Subject">The account or person id.</param>
/// <param name="Tag">The tag (<c>at-risk</c>).</param>
/// <param name="MapId">The map whose contingency put it there first.</param>
/// <param name="ContingencyId">That contingency.</param>
/// <param name="TaggedAt">When that firing was recorded (UTC).</param>
public sealed record SubjectTag(string SubjectKind, string Subject, string Tag, string MapId, string ContingencyId, DateTime TaggedAt);

/// <summary>A notification to a vendor department, from a contingency.</summary>
/// <param name="Id">Unique in the database, from 1.</param>
/// <param name="Department">The department (<c>customer-success</c>).</param>
/// <param name="Message">What to tell them, as the map wrote it.</param>
/// <param name="MapId">The map whose contingency sent it.</param>
/// <param name="Subject">The account or person the instance follows.</param>
/// <param name="CreatedAt">When the firing was recorded (UTC).</param>
public sealed record JourneyNotification(long Id, string Department, string Message, string MapId, string Subject, DateTime CreatedAt);
