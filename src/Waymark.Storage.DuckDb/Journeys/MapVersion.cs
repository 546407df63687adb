namespace Waymark.Storage.DuckDb.Journeys;

/// <summary>One saved version of a journey map: the text as saved, and its hash.</summary>
/// <param name="MapId">The map's id.</param>
/// <param name="Version">1 for the first saved text, then one more for each text that differs from the version before it.</param>
/// <param name="ContentHash">SHA-256 of the source text's UTF-8 bytes, as 64 lower-case hex digits.</param>
/// <param name="SourceText">The map file's text, exactly as saved.</param>
/// <param name="SavedAt">When this version was saved (UTC).</param>
public sealed record MapVersion(string MapId, int Version, string ContentHash, string SourceText, DateTime SavedAt);

/// <summary>What saving a map's text did.</summary>
/// <param name="Version">The version in force after the save.</param>
/// <param name="Created">True when the text differed from the latest version (or the map had none) and <paramref name="Version"/> is new; false when it was the same text.</param>
public sealed record MapVersionSaved(MapVersion Version, bool Created);
