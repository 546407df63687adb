using System.IO.Compression;

namespace Waymark.Formats.Text;

/// <summary>Creates output files for the writers, gzip-compressed when the name ends in <c>.gz</c>.</summary>
internal static class OutputFile
{
    private const int FileBufferBytes = 1 << 16;

    /// <summary>Creates or overwrites <paramref name="path"/>.</summary>
    public static Stream Create(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, FileBufferBytes);
        return path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
            ? new GZipStream(file, CompressionLevel.Fastest, leaveOpen: false)
            : file;
    }
}
