namespace Waymark.App.Import;

/// <summary>How far an import has come: the current file, its bytes read, and messages so far over every file.</summary>
public readonly record struct ImportProgress(string File, int FileIndex, int FileCount, long BytesRead, long? Length, long Messages);
