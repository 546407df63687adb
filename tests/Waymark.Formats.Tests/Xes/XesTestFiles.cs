using System.IO.Compression;
using System.Text;
using System.Xml.Linq;
using Waymark.Core.Errors;
using Waymark.Core.Ingest;
using Waymark.Core.Model;
using Waymark.Formats.Xes;
using Waymark.Tests;

namespace Waymark.Formats.Tests.Xes;

/// <summary>What one full read of a file gave.</summary>
public sealed record ReadResult(List<Event> Events, List<ProfileMessage> Profiles, List<RecordError> Errors);

/// <summary>The real logs, temporary files, and an independent DOM view of a log to compute expectations.</summary>
internal static class XesTestFiles
{
    // One folder per test run for the files the tests write, removed when the run ends.
    private static readonly Lazy<string> Scratch = new(() =>
    {
        var folder = Directory.CreateTempSubdirectory("waymark-xes-tests-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(folder, recursive: true);
        return folder;
    });

    public static string Log(string name) => SharedData.EventLog(name);

    public static ReadResult ReadAll(string path, ReaderOptions? options = null, int batchSize = 500)
    {
        using var reader = new XesReader(path, options);
        return Drain(reader, batchSize);
    }

    public static ReadResult Drain(IMessageReader reader, int batchSize = 500)
    {
        var result = new ReadResult([], [], []);
        var batch = new MessageBatch();
        while (reader.ReadBatch(batch, batchSize))
        {
            result.Events.AddRange(batch.Events);
            result.Profiles.AddRange(batch.Profiles);
            result.Errors.AddRange(batch.Errors);
        }

        return result;
    }

    /// <summary>Writes text to a new temporary file with the given extension.</summary>
    public static string Write(string text, string extension = ".xes") => WriteBytes(Encoding.UTF8.GetBytes(text), extension);

    public static string WriteBytes(byte[] bytes, string extension = ".xes")
    {
        var path = Path.Combine(Scratch.Value, Guid.NewGuid().ToString("N") + extension);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public static byte[] Gzip(string text)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return output.ToArray();
    }

    /// <summary>The whole log as a DOM (System.Xml.Linq), independent of the streaming reader.</summary>
    public static XElement Dom(string path)
    {
        using var file = File.OpenRead(path);
        using Stream content = path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : file;
        return XDocument.Load(content).Root!;
    }

    public static IEnumerable<XElement> Children(this XElement element, string localName) =>
        element.Elements().Where(e => e.Name.LocalName == localName);

    /// <summary>The value of the direct child attribute element with that key, or null.</summary>
    public static string? Attr(this XElement element, string key) =>
        element.Elements().FirstOrDefault(e => (string?)e.Attribute("key") == key)?.Attribute("value")?.Value;
}
